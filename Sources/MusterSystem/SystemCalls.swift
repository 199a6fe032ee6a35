#if canImport(Glibc)
public import Glibc
import CMalloc
#elseif canImport(Musl)
public import Musl
#elseif canImport(Darwin)
public import Darwin
#endif

// Thin wrappers over the C calls Muster's file code uses, each platform's module named in one
// place only (and their names free of clashes with types' own `close`, `write`, … methods).

public func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
    Glibc.open(path, flags, mode)
    #elseif canImport(Musl)
    Musl.open(path, flags, mode)
    #else
    Darwin.open(path, flags, mode)
    #endif
}

public func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}

public func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, bytes, count)
    #elseif canImport(Musl)
    Musl.read(descriptor, bytes, count)
    #else
    Darwin.read(descriptor, bytes, count)
    #endif
}

public func systemFsync(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.fsync(descriptor)
    #elseif canImport(Musl)
    Musl.fsync(descriptor)
    #else
    Darwin.fsync(descriptor)
    #endif
}

public func systemFchmod(_ descriptor: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
    Glibc.fchmod(descriptor, mode)
    #elseif canImport(Musl)
    Musl.fchmod(descriptor, mode)
    #else
    Darwin.fchmod(descriptor, mode)
    #endif
}

public func systemClose(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(descriptor)
    #elseif canImport(Musl)
    Musl.close(descriptor)
    #else
    Darwin.close(descriptor)
    #endif
}

/// `link(2)`: 0, or the `errno` it failed with.
public func systemLink(_ from: String, _ to: String) -> Int32 {
    #if canImport(Glibc)
    Glibc.link(from, to) == 0 ? 0 : errno
    #elseif canImport(Musl)
    Musl.link(from, to) == 0 ? 0 : errno
    #else
    Darwin.link(from, to) == 0 ? 0 : errno
    #endif
}

/// `unlink(2)`: 0, or the `errno` it failed with.
public func systemUnlink(_ path: String) -> Int32 {
    #if canImport(Glibc)
    Glibc.unlink(path) == 0 ? 0 : errno
    #elseif canImport(Musl)
    Musl.unlink(path) == 0 ? 0 : errno
    #else
    Darwin.unlink(path) == 0 ? 0 : errno
    #endif
}

/// The text for the current `errno`: about the file, never its contents.
public func lastErrorText() -> String {
    String(cString: strerror(errno))
}

/// Has the C allocator keep large freed blocks for the next allocation instead of handing them
/// back to the kernel. A restore streams about twice the database's size through buffers of
/// megabytes (each part read, then opened); glibc gave each back when it was freed and the
/// next one was faulted in and zeroed again: a third of the restore's system time, and about
/// a tenth of its wall time (430,000 people: 3.48 s -> 3.0 s). For short-lived commands only:
/// the process keeps its peak heap until it exits.
public func keepLargeFreedBlocks() {
    #if canImport(Glibc)
    // Blocks under 32 MiB (glibc's most) come from the heap, not mmap; the heap is trimmed
    // only past 2 GiB of free space at its top.
    _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
    _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
    #endif
}
