// No using directive on purpose: the packages' global usings (buildTransitive/*.targets) bring Odoo,
// Odoo.Domains, Odoo.Managers, Odoo.Values, Odoo.Extensions.DependencyInjection and Odoo.Testing.
// This file does not compile without them.
namespace Billing;

internal static class GlobalUsingsCheck
{
    public static object?[] Types() =>
    [
        typeof(OdooClient), typeof(OdooDomain), typeof(OdooValues), typeof(OdooCommand), typeof(OdooManager<BillingAccount>),
        typeof(IOdooClientProvider), typeof(OdooHealthCheck), typeof(OdooTestServer),
    ];
}
