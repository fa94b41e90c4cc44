/// A step of an end-to-end test that could not run (a tool failed, a line never came).
struct EndToEndFailure: Error, CustomStringConvertible {
    let description: String
}
