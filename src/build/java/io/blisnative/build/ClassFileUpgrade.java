package io.blisnative.build;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step (run by the pom in the package phase, with ASM on the class path): rewrites the
 * pre-Java-6 class files of the packaged libraries named by the arguments as Java 8 class files
 * with computed stack-map frames. Same bytecode, newer format.
 *
 * <p>Why: the JVM's start-up caches (AppCDS, the JDK 25 AOT cache) refuse class files older than
 * version 50, and picocli ships as version 49. Left alone, every launch parsed and interpreted
 * picocli from its jar, about a fifth of the time {@code blis-native --version} took.
 *
 * <p>Usage: {@code java -cp asm.jar ClassFileUpgrade.java LIB_DIR JAR_PREFIX...}; a jar is
 * rewritten in place only when it holds an old class file, so running it twice changes nothing.
 */
public final class ClassFileUpgrade {

    /** First class-file version the start-up caches accept is 50; 52 (Java 8) is what javac emits for --release 8. */
    private static final int TARGET_VERSION = Opcodes.V1_8;
    private static final int OLDEST_CACHEABLE_MAJOR = 50;

    private ClassFileUpgrade() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ClassFileUpgrade LIB_DIR JAR_PREFIX...");
            System.exit(2);
        }
        Path lib = Path.of(args[0]);
        if (!Files.isDirectory(lib)) {
            System.err.println("class-file upgrade: no " + lib + " (not a JVM build), nothing to do");
            return;
        }
        for (int i = 1; i < args.length; i++) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, args[i] + "*.jar")) {
                for (Path jar : jars) {
                    int upgraded = upgrade(jar);
                    System.err.println("class-file upgrade: " + jar.getFileName() + ": " + upgraded
                            + " class files rewritten as version " + TARGET_VERSION);
                }
            }
        }
    }

    private record Entry(ZipEntry header, byte[] bytes) {
    }

    /** Rewrites {@code jar} in place when it holds old class files; returns how many were rewritten. */
    static int upgrade(Path jar) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().startsWith("META-INF/") && e.getName().endsWith(".SF")) {
                    throw new IOException(jar + " is signed; rewriting its classes would break the signature");
                }
                entries.add(new Entry(e, in.readAllBytes()));
            }
        }
        int upgraded = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassFileUpgrade.class.getClassLoader())) {
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                if (e.header().getName().endsWith(".class") && majorVersion(e.bytes()) < OLDEST_CACHEABLE_MAJOR) {
                    entries.set(i, new Entry(e.header(), rewrite(e.bytes(), loader)));
                    upgraded++;
                }
            }
        }
        if (upgraded > 0) {
            Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                for (Entry e : entries) {
                    write(out, e);
                }
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return upgraded;
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    private static byte[] rewrite(byte[] classFile, ClassLoader loader) {
        // Frames need the common superclass of merged types, resolved against the jar itself.
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader;
            }
        };
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(TARGET_VERSION, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static void write(ZipOutputStream out, Entry e) throws IOException {
        // Keep the original timestamps so the jar stays reproducible.
        ZipEntry header = new ZipEntry(e.header().getName());
        header.setTime(e.header().getTime());
        out.putNextEntry(header);
        out.write(e.bytes());
        out.closeEntry();
    }
}
