package org.conversionkit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeldValuesTest {

    @Test
    void holdsCopiesThatOutliveTheBuffer() {
        HeldValues held = new HeldValues(6);
        char[] buffer = "xxhttps://a.b/p,2020-09-22".toCharArray();
        held.hold(0, buffer, 2, 15, 3);
        held.hold(1, buffer, 16, 26, 0);
        java.util.Arrays.fill(buffer, '?');
        assertThat(held.string(0)).isEqualTo("https://a.b/p");
        assertThat(held.string(1)).isEqualTo("2020-09-22");
        assertThat(held.slots()).isEqualTo(0b11);
        assertThat(held.has(2)).isFalse();
        assertThat(held.column(0)).isEqualTo(3);
        assertThat(held.column(1)).isZero();
    }

    @Test
    void growsPastItsFirstSizeAndForgetsOnClear() {
        HeldValues held = new HeldValues(2);
        char[] big = "a".repeat(1000).toCharArray();
        held.hold(0, new char[] {'1'}, 0, 1, 1);
        held.hold(1, big, 0, big.length, 0);
        assertThat(held.string(0)).isEqualTo("1");
        assertThat(held.string(1)).hasSize(1000);
        held.clear();
        assertThat(held.slots()).isZero();
        assertThatThrownBy(() -> held.string(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("slot 1");
    }

    @Test
    void refusesMoreSlotsThanBits() {
        assertThatThrownBy(() -> new HeldValues(33)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slotCount");
    }
}
