import Testing

@Suite struct ProjectionTestsPlaceholder {
    @Test func packageBuilds() { #expect(Bool(true)) }
}
