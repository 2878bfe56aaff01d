using Microsoft.Extensions.Options;

namespace Odoo.Extensions.DependencyInjection;

/// <summary>
/// Runs <see cref="OdooClientOptions.Validate"/> when the options are first read (or at start-up with
/// <c>ValidateOnStart</c>), so a bad configuration fails with the option's name rather than on the first call.
/// </summary>
internal sealed class OdooClientOptionsValidator : IValidateOptions<OdooClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OdooClientOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Odoo client options: {ex.Message}");
        }
    }
}
