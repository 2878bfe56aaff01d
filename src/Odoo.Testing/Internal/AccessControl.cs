namespace Odoo.Testing.Internal;

/// <summary>Who can log in (<see cref="Credentials"/>) and which operations are denied (<see cref="Rules"/>).</summary>
internal sealed class AccessControl
{
    public Dictionary<int, UserCredentials> Credentials { get; } = [];
    public List<AccessRule> Rules { get; } = [];

    /// <summary>Throws Odoo's AccessError when a rule denies <paramref name="op"/> on <paramref name="t"/> to <paramref name="uid"/>.</summary>
    public void Check(ModelTable t, OdooOperation op, int uid)
    {
        foreach (var rule in Rules)
        {
            if (rule.Model != t.Name || (rule.Operations & op) == 0 || (rule.Uid is { } u && u != uid)) continue;
            var verb = op switch
            {
                OdooOperation.Read => "access",
                OdooOperation.Write => "modify",
                OdooOperation.Create => "create",
                _ => "delete",
            };
            throw OdooServerError.AccessError(
                $"You are not allowed to {verb} '{t.Schema.Description}' ({t.Name}) records.\n\n" +
                (rule.AllowedGroups.Count == 0
                    ? "No group currently allows this operation."
                    : "This operation is allowed for the following groups:\n" + string.Concat(rule.AllowedGroups.Select((g, i) => (i == 0 ? "" : "\n") + "\t- " + g))) +
                "\n\nContact your administrator to request access if necessary.");
        }
    }
}
