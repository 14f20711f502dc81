package org.conversionkit.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public surface of the library modules as their module descriptors export it: what a user sees and what
 * later releases must keep. No two public types share a simple name, no fast-path helper is exported, and no
 * public method answers with a bare {@code Object}.
 */
class PublicSurfaceTest {

    /** A type of each library module, to find the module's classes where the build put them. */
    private static final List<String> MODULES = List.of("org.conversionkit.model.RawRecord",
            "org.conversionkit.csv.ConversionCsvReader", "org.conversionkit.json.ConversionJsonReader",
            "org.conversionkit.validation.ConversionValidator", "org.conversionkit.files.ConversionFiles");

    @Test
    void exportsOnlyApiPackagesAndEveryInternalOneIsQualified() throws Exception {
        Map<String, Set<String>> exports = new HashMap<>();
        for (ModuleDescriptor descriptor : descriptors()) {
            for (ModuleDescriptor.Exports export : descriptor.exports()) {
                if (export.source().contains(".internal")) {
                    assertThat(export.isQualified()).as("%s is exported to named modules only", export.source())
                            .isTrue();
                } else {
                    exports.computeIfAbsent(descriptor.name(), k -> new TreeSet<>()).add(export.source());
                }
            }
        }
        assertThat(exports).containsOnlyKeys("org.conversionkit.model", "org.conversionkit.csv",
                "org.conversionkit.json", "org.conversionkit.validation", "org.conversionkit.files");
        assertThat(exports.get("org.conversionkit.model")).containsExactly("org.conversionkit.model",
                "org.conversionkit.model.feed", "org.conversionkit.model.rules");
    }

    @Test
    void noTwoPublicTypesShareASimpleName() throws Exception {
        Map<String, List<String>> byName = new HashMap<>();
        for (Class<?> type : exportedTypes()) {
            byName.computeIfAbsent(type.getSimpleName(), k -> new ArrayList<>()).add(type.getName());
        }
        assertThat(byName.values()).allSatisfy(names -> assertThat(names).as("types named alike").hasSize(1));
    }

    @Test
    void noFastPathOrObjectTypedResultIsPublic() throws Exception {
        List<String> found = new ArrayList<>();
        for (Class<?> type : exportedTypes()) {
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                if (method.getName().startsWith("isPlain")) {
                    found.add(type.getName() + "." + method.getName() + ": a fast path");
                }
                if (method.getReturnType() == Object.class && method.getTypeParameters().length == 0) {
                    found.add(type.getName() + "." + method.getName() + ": returns Object");
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static List<ModuleDescriptor> descriptors() throws Exception {
        List<ModuleDescriptor> descriptors = new ArrayList<>();
        for (ModuleReference reference : ModuleFinder.of(locations()).findAll()) {
            descriptors.add(reference.descriptor());
        }
        assertThat(descriptors).hasSize(MODULES.size());
        return descriptors;
    }

    /** The public top-level types of the unqualified exports, loaded from this test's class path. */
    private static List<Class<?>> exportedTypes() throws Exception {
        List<Class<?>> types = new ArrayList<>();
        for (ModuleReference reference : ModuleFinder.of(locations()).findAll()) {
            Set<String> exported = new TreeSet<>();
            reference.descriptor().exports().stream().filter(e -> !e.isQualified())
                    .forEach(e -> exported.add(e.source()));
            try (var reader = reference.open(); Stream<String> names = reader.list()) {
                for (String name : names.toList()) {
                    if (!name.endsWith(".class") || name.contains("$") || name.endsWith("module-info.class")
                            || name.endsWith("package-info.class")) {
                        continue;
                    }
                    String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    String packageName = className.substring(0, className.lastIndexOf('.'));
                    if (exported.contains(packageName)) {
                        Class<?> type = Class.forName(className, false, PublicSurfaceTest.class.getClassLoader());
                        if (Modifier.isPublic(type.getModifiers())) {
                            types.add(type);
                        }
                    }
                }
            }
        }
        assertThat(types).hasSizeGreaterThan(40);
        return types;
    }

    private static Path[] locations() throws ClassNotFoundException, URISyntaxException, IOException {
        List<Path> paths = new ArrayList<>();
        for (String type : MODULES) {
            paths.add(Path.of(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        return paths.toArray(Path[]::new);
    }
}
