package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NativeReflectionTest {

    /** The types the code hands to Jackson data binding (readerFor, writerFor, readValue). */
    private static final String[] JACKSON_ROOTS = {
        "io.blisnative.trace.TraceHeader",
        "io.blisnative.trace.TraceRequest",
        "io.blisnative.latency.CatalogFiles",
    };

    @Test
    void registration_everyRecordReachableFromJacksonRoots_isListed() throws ClassNotFoundException {
        // given
        Set<String> registered = registered();
        // when
        Set<String> reachable = reachableRecords();
        // then
        reachable.removeAll(registered);
        assertEquals(Set.of(), reachable, "records Jackson binds but the native build would not register");
    }

    @Test
    void registration_everyListedName_isAClassThatExists() {
        // given
        Set<String> registered = registered();
        // when / then
        for (String name : registered) {
            assertTrue(exists(name), name + " is registered for reflection but no longer exists");
        }
    }

    private static Set<String> registered() {
        RegisterForReflection annotation = NativeReflection.class.getAnnotation(RegisterForReflection.class);
        return new TreeSet<>(Arrays.asList(annotation.classNames()));
    }

    private static Set<String> reachableRecords() throws ClassNotFoundException {
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (String root : JACKSON_ROOTS) {
            Class<?> c = Class.forName(root);
            todo.add(c);
            todo.addAll(Arrays.asList(c.getDeclaredClasses()));
        }
        Set<String> seen = new TreeSet<>();
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!c.isRecord() || !c.getName().startsWith("io.blisnative.") || !seen.add(c.getName())) {
                continue;
            }
            for (RecordComponent component : c.getRecordComponents()) {
                addTypes(component.getGenericType(), todo);
            }
        }
        return seen;
    }

    private static void addTypes(Type type, Deque<Class<?>> todo) {
        if (type instanceof Class<?> c) {
            todo.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            addTypes(p.getRawType(), todo);
            for (Type argument : p.getActualTypeArguments()) {
                addTypes(argument, todo);
            }
        }
    }

    private static boolean exists(String name) {
        try {
            Class.forName(name, false, NativeReflectionTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
