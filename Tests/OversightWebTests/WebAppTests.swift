import Testing
import VaporTesting
@testable import OversightWeb

@Suite struct WebAppTests {
    @Test func linksVapor() { #expect(WebApp.framework == "Vapor 4") }
}
