import Foundation
import Logging
import MusterRegister
import MusterStore
import Synchronization
import Testing

@testable import MusterServer

/// The hand-built log line is JSON that any parser reads back exactly, with sorted keys.
@Suite struct JSONLogHandlerTests {
    @Test func awkwardValuesRoundTripThroughAJSONParser() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "muster.test") { label in JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } } }
        logger[metadataKey: "request.id"] = "abc"
        let awkward = "quote \" backslash \\ slash / newline \n tab \t bell \u{07} nul \u{00} é 🗳"
        logger.info("a \"message\"", metadata: ["z.last": "\(awkward)", "a.first": "1"])
        let line = try #require(lines.withLock { $0.first })
        #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["z.last"] == awkward && object["message"] == "a \"message\"" && object["request.id"] == "abc")
        #expect(object["level"] == "info" && object["label"] == "muster.test")
        let time = try #require(object["time"])
        #expect(try #require(ISO8601DateFormatter().date(from: time)).timeIntervalSinceNow.magnitude < 60)
        let positions = object.keys.sorted().map { line.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted(), "keys in sorted order")
    }
}

/// The hand-built person JSON is exactly what `JSONEncoder` gives for the same values.
@Suite struct JSONTextTests {
    @Test func peopleAsJSONMatchTheEncoder() async throws {
        let fixture = try await ServerFixture()
        let page = try await fixture.register.list(PersonFilter(limit: 12), disclosure: Disclosure(channel: "test", reason: nil))
        var people = page.people.map(PersonJSON.init)
        people[0].fields["notes"] = "awkward: \" \\ / \n \t \u{08} \u{0C} \u{01} é 🗳"
        people[1].statusSince = nil
        people[2].continuousSince = nil
        people[3].fields["town"] = nil
        for person in people {
            #expect(person.json == Array(try JSONEncoder.api.encode(person)))
        }
        for next in [nil, "M1083616"] {
            let json = PeopleJSON(people: people, next: next)
            #expect(json.json == Array(try JSONEncoder.api.encode(json)))
        }
    }
}
