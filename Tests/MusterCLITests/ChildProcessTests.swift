import Foundation
import MusterTesting
import Testing

/// The launcher every test's child processes go through (swift-subprocess, see `ChildProcess`).
@Suite struct ChildProcessTests {
    @Test func aRunGivesItsInputAndEnvironmentAndReportsItsOutputAndStatus() async throws {
        let run = try await ChildProcess.run(
            "/bin/sh", ["-c", #"read line; echo "$line $GREETING"; echo oops >&2; exit 3"#], input: "hello\n",
            environment: ["GREETING": "world"])
        #expect(run.status == 3)
        #expect(run.stdout == "hello world\n")
        #expect(run.stderr == "oops\n")
        #expect(try await ChildProcess.run("/bin/sh", ["-c", "kill -TERM $$"]).status == 128 + SIGTERM)
    }

    /// Foundation's `Process.run()` crashed once this process held about 1,350 descriptors: a
    /// launch with far more open works, and the child inherits none of them.
    @Test func aLaunchWithThousandsOfDescriptorsOpenWorksAndPassesNoneOn() async throws {
        let held = (0..<2_000).map { _ in open("/dev/null", O_RDONLY) }
        defer { for descriptor in held where descriptor >= 0 { close(descriptor) } }
        #expect(held.allSatisfy { $0 >= 0 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count > 2_000)
        let run = try await ChildProcess.run("/bin/sh", ["-c", "ls /proc/self/fd | wc -l"])
        #expect(run.status == 0)
        // Standard input, output and error, and the directory `ls` has open: nothing inherited.
        #expect((Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max) <= 4, "\(run.stdout)")
    }

    @Test func aBackgroundProcessIsSignalledAndItsOutputAndStatusCollected() async throws {
        let process = BackgroundProcess("/bin/sh", ["-c", #"trap 'echo stopping >&2; exit 7' TERM; echo ready; while :; do sleep 0.05; done"#])
        #expect(try await process.waitForOutput(matching: "(ready)") == "ready")
        #expect(process.isRunning)
        process.signal(SIGTERM)
        #expect(try await process.waitForExit() == 7)
        #expect(!process.isRunning)
        #expect(process.errors == "stopping\n")
        let killed = BackgroundProcess("/bin/sleep", ["60"])
        killed.kill()
        #expect(try await killed.waitForExit() == 128 + SIGKILL)
    }
}
