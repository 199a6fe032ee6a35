import Foundation
import MusterTesting
import Testing

/// The descriptor count that every launch of a process in these tests waits on (see
/// `Process.runWhenDescriptorsAllow()`): it must see descriptors come and go.
@Suite struct ProcessLaunchTests {
    @Test func theCountSeesDescriptorsOpenedAndClosed() throws {
        let files = try (0..<40).map { _ in try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/null")) }
        let open = Process.openDescriptors()
        // Other tests open and close descriptors meanwhile; forty of ours are a clear margin.
        #expect(open >= 40)
        for file in files { try file.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.runWhenDescriptorsAllow()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
