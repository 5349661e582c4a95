import Testing

/// Every store suite runs inside this one, one test at a time: the PostgreSQL backend is one
/// shared database that each test empties first.
@Suite(.serialized) struct StoreTests {}
