import Testing

@testable import TTHCImport

/// The CSV reader: RFC 4180 records with the physical line each starts on.
@Suite struct CSVReaderTests {
    func records(_ text: String) throws -> [CSVRecord] {
        try records(Array(text.utf8))
    }

    func records(_ bytes: [UInt8]) throws -> [CSVRecord] {
        var reader = CSVReader(stream: ByteStream(bytes: bytes))
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    @Test func quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws {
        let parsed = try records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n")
        #expect(parsed.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(parsed.map(\.line) == [1, 2, 4])
        #expect(parsed.allSatisfy { $0.problem == nil })
    }

    @Test func aByteOrderMarkCRLFAndLoneCRAreLineBreaksAndBlankLinesAreSkipped() throws {
        let parsed = try records([0xEF, 0xBB, 0xBF] + Array("h1,h2\r\n\r\n1,2\r3,4\n\n5,\"6\r\n7\"\r\n".utf8))
        #expect(parsed.map(\.fields) == [["h1", "h2"], ["1", "2"], ["3", "4"], ["5", "6\r\n7"]])
        #expect(parsed.map(\.line) == [1, 3, 4, 6])
        #expect(parsed[1].raw == Array("1,2\r".utf8))
        #expect(parsed[3].raw == Array("5,\"6\r\n7\"\r\n".utf8))
    }

    @Test func theLastRecordNeedsNoLineBreak() throws {
        let parsed = try records("a,b\n1,2")
        #expect(parsed.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(try records("").isEmpty)
        #expect(try records("\n\n").isEmpty)
    }

    @Test func syntaxProblemsSpoilOnlyTheirRecord() throws {
        let parsed = try records("a,b\nx\"y,1\n\"q\"z,2\n\"ok\",3\n\"open,4\nmore\n")
        #expect(parsed.count == 5)
        #expect(parsed[1].problem?.field == 0)
        #expect(parsed[1].problem?.reason.contains("quote inside an unquoted field") == true)
        #expect(parsed[2].problem?.reason == "has text after the closing quote of a quoted field")
        #expect(parsed[2].fields == ["qz", "2"])
        #expect(parsed[3].problem == nil)
        #expect(parsed[4].line == 5)
        #expect(parsed[4].problem?.reason == "a quoted field is not closed before the end of the file")
    }

    @Test func invalidUTF8IsAProblemOfItsField() throws {
        let parsed = try records(Array("a,b\n1,".utf8) + [0xC3, 0x28] + [0x0A])
        #expect(parsed[1].problem?.field == 1)
        #expect(parsed[1].problem?.reason == "is not valid UTF-8")
    }

    @Test func aRecordLongerThanTheLimitStopsTheReading() throws {
        let text = "a\n\"" + String(repeating: "x", count: ReadLimits.recordBytes + 10)
        #expect(throws: ReadFailure(line: 2, reason: "a record is longer than 1048576 bytes (is a quote left open?)")) {
            try records(text)
        }
    }

    @Test func aFileIsReadInChunksAcrossWhichRecordsContinue() throws {
        // Records straddling the 1 MiB chunk boundary of a file read the same as in memory.
        let row = "\"a,\"\"b\"\"\r\nc\",1234567\r\n"
        let text = "h1,h2\r\n" + String(repeating: row, count: 60_000)
        try withTemporaryDirectory { directory in
            let path = directory + "/big.csv"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            var reader = CSVReader(stream: try ImportSource.file(path: path).open())
            var count = 0
            while let record = try reader.next() {
                if count > 0 {
                    #expect(record.fields == ["a,\"b\"\r\nc", "1234567"])
                    #expect(record.line == 2 * count)
                }
                count += 1
            }
            #expect(count == 60_001)
        }
    }
}

/// The JSON parser of JSON lines: strict, bounded, no crash on any input.
@Suite struct PortalJSONParserTests {
    func parse(_ text: String) -> Result<PortalJSON, JSONSyntaxError> {
        Result { () throws(JSONSyntaxError) in try PortalJSONParser.parse(Array(text.utf8)) }
    }

    @Test func objectsKeepTheirMembersAndNumbersTheirText() throws {
        guard
            case .success(.object(let members)) = parse(
                #" {"a": "x\u00e9\ud83d\ude00\n", "b": -12.5e3, "c": [true, null, {}]} "#)
        else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b", "c"])
        guard case .string(let text) = members[0].value, case .number(let number) = members[1].value else {
            Issue.record("wrong member kinds")
            return
        }
        #expect(text == "xé😀\n")
        #expect(number == "-12.5e3")
    }

    @Test(arguments: [
        ("{\"a\":1,}", "unexpected character '}' at column 8"),
        ("{\"a\":01}", "unexpected character '1' at column 7"),
        ("{\"a\":\"\\ud800\"}", "a lone surrogate in a string at column 7"),
        ("{\"a\":\"\u{1}\"}", "a control character in a string (write it as an escape) at column 7"),
        ("{\"a\":tru}", "unexpected character '}' at column 9"),
        ("{\"a\":1} x", "unexpected text after the JSON value at column 9"),
        ("{\"a\":\"x", "unexpected end of line in a string at column 8"),
        ("", "unexpected end of line at column 1"),
        ("{\"a\":\"\\x\"}", "invalid escape in a string at column 8"),
        ("{\"a\":-}", "unexpected character '}' at column 7"),
    ])
    func malformedJSONIsRefusedWithItsColumn(_ input: String, _ expected: String) {
        guard case .failure(let error) = parse(input) else {
            Issue.record("\(input) parsed")
            return
        }
        #expect(error.description == expected)
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure(let error) = parse(deep) else {
            Issue.record("deep nesting parsed")
            return
        }
        #expect(error.reason == "nesting deeper than \(ReadLimits.jsonDepth) levels")
        let allowed =
            String(repeating: "[", count: ReadLimits.jsonDepth) + String(repeating: "]", count: ReadLimits.jsonDepth)
        #expect((try? parse(allowed).get()) != nil)
    }

    @Test func invalidUTF8InAStringIsRefused() {
        guard
            case .failure(let error) = Result(catching: { () throws(JSONSyntaxError) in
                try PortalJSONParser.parse(Array("{\"a\":\"".utf8) + [0xFF] + Array("\"}".utf8))
            })
        else {
            Issue.record("parsed")
            return
        }
        #expect(error.reason == "a string is not valid UTF-8")
    }
}
