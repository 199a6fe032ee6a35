public import Foundation

extension Process {
    /// Below this many open descriptors, `run()` is safe (see ``runWhenDescriptorsAllow()``).
    static let safeDescriptorCount = 1_300

    /// `run()`, once the test process holds few enough open descriptors for it to be safe.
    ///
    /// On Linux, swift-corelibs-foundation's `Process.run()` (up to Swift 6.3.1) lists
    /// `/proc/self/fd` before it spawns, copying each entry's whole 256-byte name field. Past
    /// about 1,350 descriptors glibc's 32 KiB directory buffer is full, the copy of the last
    /// entry reads beyond it, and when that is an unmapped page the process dies: CI saw signal
    /// 11 in `Process.run()` with 1,356 open (swift-corelibs-foundation pull request 5472 fixes
    /// it upstream). Tests running side by side hold hundreds of SQLite connections, three
    /// descriptors each, so a launch waits (up to two seconds, then runs anyway) for the count
    /// to fall below ``safeDescriptorCount``. The wait is short, and only near the edge: the
    /// descriptors are mostly held by tests that are themselves launching, and a wait of ten
    /// seconds below 1,000 stalled the whole suite. `FileManager` lists the directory safely.
    public func runWhenDescriptorsAllow() throws {
        let deadline = Date().addingTimeInterval(2)
        while Self.openDescriptors() >= Self.safeDescriptorCount && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        try run()
    }

    /// How many descriptors this process holds open (0 where `/proc` cannot say).
    public static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }
}
