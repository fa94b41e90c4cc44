/// A key's full path in the file, as administrators write it in messages: `gateway.bhxh.username`,
/// `scanners.device[1].baud` (array-of-tables entries are counted from 0).
struct ConfigKey: Hashable, CustomStringConvertible {
    enum Component: Hashable {
        case name(String)
        case index(Int)
    }

    static let root = ConfigKey(components: [])

    var components: [Component]

    init(components: [Component]) {
        self.components = components
    }

    init(_ names: String...) {
        components = names.map(Component.name)
    }

    func appending(_ name: String) -> ConfigKey { ConfigKey(components: components + [.name(name)]) }
    func appending(index: Int) -> ConfigKey { ConfigKey(components: components + [.index(index)]) }

    var parent: ConfigKey? { components.isEmpty ? nil : ConfigKey(components: components.dropLast()) }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .name(let name): text += text.isEmpty ? name : "." + name
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
