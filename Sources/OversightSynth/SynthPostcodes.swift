/// Real postcodes (public ONS postcode directory facts, no addresses) used for homes and placements,
/// so that the DfE validators' postcode and distance checks find them.
enum SynthPostcodes {
    /// Postcodes in E08000009.
    static let local: [String] = [
        "M33 4DB", "M41 9LY", "M33 7BL", "M16 1AJ", "M33 7GL", "WA15 9NU", "WA15 5HZ", "WA13 9TY", "M31 4AH", "M41 7DE",
        "M33 2SZ", "WA14 3EL", "M41 9SH", "WA15 9LP", "M41 5AD", "M33 1HR", "WA14 5XL", "M31 1FS", "M41 6QY", "M31 4TJ",
        "WA14 5LF", "WA15 8NT", "M33 2GE", "M32 0YT", "M33 7UW", "WA14 2ER", "WA14 1TA", "WA15 9GF", "M31 3NB", "M33 2PB",
        "M33 1EL", "M33 0DZ", "WA15 9DU", "WA15 7EF", "M41 9WW", "M32 9WG", "M33 2UJ", "M41 7WT", "WA14 4XS", "M16 0ZJ",
        "M17 1LT", "M16 0BA", "WA15 5TW", "M31 4DR", "M33 4JU", "M33 4UN", "M33 3QJ", "WA14 5QD", "M31 4GA", "M33 0LA",
        "M32 0DU", "M33 3AT", "M33 6XU", "M31 2LR", "M33 3XX", "M33 4ND", "M33 3AX", "M33 5AZ", "WA15 0PH", "M16 9XH",
    ]
    /// Postcodes in E08000003.
    static let manchester: [String] = [
        "M40 9WY", "M60 1PH", "M40 7WW", "M15 5EQ", "M9 8WD", "M9 1PP", "M61 0BZ", "M23 2RT", "M21 1WJ", "M1 2JA",
        "M23 8RF", "M21 7QE", "M9 5GW", "M9 6GJ", "M9 4HD", "M21 7GF", "M20 2GT", "M9 4WR", "M2 6JS", "M60 2BN",
    ]
    /// Postcodes in E08000006.
    static let salford: [String] = [
        "M3 6JE", "M28 5PZ", "M3 9HS", "M27 8SA", "M30 0HJ", "M6 6HR", "M5 5JQ", "M3 5PA", "M27 5NB", "M8 7BZ",
        "M27 6XZ", "M28 8DQ",
    ]
    /// Postcodes in E08000007.
    static let stockport: [String] = [
        "SK7 3EP", "SK7 2BJ", "SK8 2DU", "SK4 3YW", "SK5 6XL", "SK6 8DU", "SK22 3BA", "SK8 5HH", "SK4 5ER", "SK2 7PJ",
        "SK3 0XZ", "SK3 8XH",
    ]
    /// Postcodes outside the authority, for placements further away.
    static let elsewhere: [String] = manchester + salford + stockport
}
