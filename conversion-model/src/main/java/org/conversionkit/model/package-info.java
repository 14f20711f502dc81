/**
 * The conversion-kit data model: conversion rows and CRM records, raw records as readers deliver
 * them, the mappers that check and type them, the violation catalogue, and export file names.
 */
@NullMarked
package org.conversionkit.model;

import org.jspecify.annotations.NullMarked;
