import FluentKit
import Foundation
import OversightCore

/// Row of `regions`: a named group of authorities (`Region`), members as comma-separated codes.
/// `@unchecked Sendable`: see `ImportModel`.
final class RegionModel: Model, @unchecked Sendable {
    static let schema = "regions"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "members") var members: String
    @Field(key: "changed_at") var changedAt: Date
    init() {}
}

/// Adds `regions`: the regions of a regional deployment (docs/regional.md).
struct CreateRegions: AsyncMigration {
    var name: String { "2026-12-12-01-create-regions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("regions")
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("members", .string, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("regions").delete()
    }
}

/// The regions of the store: named groups of authorities whose regional analysts see every
/// member's aggregates side by side.
public struct RegionRepository: Sendable {
    let store: Store
    let clock: @Sendable () -> Date

    /// Adds a region, or replaces the name and members of the one with the same code. Throws
    /// `StoreError.badInput` for a definition `Region.problems` refuses.
    @discardableResult
    public func set(_ region: Region) async throws -> Region {
        let problems = Region.problems(code: region.code, name: region.name, members: region.members)
        if !problems.isEmpty { throw StoreError.badInput(problems.joined(separator: "; ")) }
        let m = try await RegionModel.query(on: store.database).filter(\.$code == region.code).first() ?? RegionModel()
        m.code = region.code; m.name = region.name.trimmingCharacters(in: .whitespaces)
        m.members = region.members.joined(separator: ","); m.changedAt = clock()
        try await m.save(on: store.database)
        return Self.region(m)
    }

    /// The region with this code (letter case as given); nil when there is none.
    public func region(code: String) async throws -> Region? {
        guard Region.isRegionCode(code) else { return nil }
        return try await RegionModel.query(on: store.database).filter(\.$code == code).first().map(Self.region)
    }

    /// Every region, by code.
    public func all() async throws -> [Region] {
        try await RegionModel.query(on: store.database).sort(\.$code).all().map(Self.region)
    }

    /// Removes a region (its analysts' accounts stay, and see no region until it is set again);
    /// false when there was none.
    @discardableResult
    public func remove(code: String) async throws -> Bool {
        guard let m = try await RegionModel.query(on: store.database).filter(\.$code == code).first() else { return false }
        try await m.delete(on: store.database)
        return true
    }

    /// The newest collection (reporting) year any of `authorities` has loaded in an active
    /// import; nil when none has data. Read from the imports' rows, not the case data.
    public func latestCollectionYear(authorities: [String]) async throws -> Int? {
        guard !authorities.isEmpty else { return nil }
        let years = try await ImportModel.query(on: store.database).filter(\.$laCode ~~ authorities)
            .filter(\.$status == ImportStatus.active.rawValue).all(\.$collectionYears)
        return years.flatMap { $0.split(separator: ",").compactMap { Int($0) } }.max()
    }

    static func region(_ m: RegionModel) -> Region {
        Region(code: m.code, name: m.name, members: m.members.split(separator: ",").map(String.init))
    }
}

extension Store {
    /// The regions of a regional deployment.
    public func regions(clock: @escaping @Sendable () -> Date = { Date() }) -> RegionRepository {
        RegionRepository(store: self, clock: clock)
    }
}
