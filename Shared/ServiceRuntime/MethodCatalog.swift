public import Models
import RPC
public import WireCodec

/// Fills a router with every method a service must serve, as the protos say, and checks nothing is left out.
public enum MethodCatalog {
    /// The methods of the proto services served by `definition`, by full name: its own service and the shared ones.
    public static func protoMethods(of service: ServiceName) -> [MethodSchema] {
        ([service.protoService] + ["clm.rpc.v1.Health", "clm.rpc.v1.Reflection", "clm.common.v1.EventFeed"])
            .flatMap { WireSchema.service(named: $0)?.methods ?? [] }
    }

    /// Declares every method of the service's proto that `router` does not serve and `notYetBuilt` names.
    ///
    /// A method neither served nor declared, or a declared name the proto does not have, is a programming error that
    /// the contract tests catch; at start-up it stops the process with a message naming the method.
    static func declareMissing(in router: inout RPCRouter, definition: ServiceDefinition) {
        guard let proto = WireSchema.service(named: definition.name.protoService) else {
            fatalError("\(definition.name.protoService) is not in the protos this build was generated from")
        }
        let names = Set(proto.methods.map(\.name))
        for declared in definition.notYetBuilt.keys where !names.contains(declared) {
            fatalError("\(definition.name.rawValue) declares '\(declared)' not built, but \(proto.name) has no such method")
        }
        for method in proto.methods where router.route(method.path) == nil {
            guard let reason = definition.notYetBuilt[method.name] else {
                fatalError("\(method.path) is neither served nor declared not built")
            }
            let roles = definition.roles[method.name] ?? defaultRoles(for: method.name)
            router.declareUnimplemented(method, roles: roles, reason: reason)
        }
    }

    /// Readers may call methods that only look (Get, List, Lookup, Export, Explain, Resolve, Validate, DryRun,
    /// Preview); changes need an operator. Admin passes everywhere.
    public static func defaultRoles(for method: String) -> Set<Role> {
        let looking = ["Get", "List", "Lookup", "Export", "Explain", "Resolve", "Validate", "DryRun", "Preview"]
        return looking.contains(where: method.hasPrefix) ? [.analyst, .operator_, .service] : [.operator_]
    }
}
