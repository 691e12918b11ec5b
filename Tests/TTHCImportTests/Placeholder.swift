import Testing

@Suite struct TTHCImportTestsPlaceholder {
    @Test func packageBuilds() { #expect(Bool(true)) }
}
