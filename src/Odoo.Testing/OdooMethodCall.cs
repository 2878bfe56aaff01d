using System.Text.Json;
using System.Text.Json.Nodes;

namespace Odoo.Testing;

/// <summary>One call of a custom method. The JSON elements are valid only during the handler.</summary>
public sealed class OdooMethodCall
{
    internal OdooMethodCall(OdooTestServer server, string model, string method, int uid, IReadOnlyList<int> ids,
        JsonElement args, JsonElement kwargs, JsonElement context, OdooRequestProtocol protocol)
    {
        Server = server;
        Model = model;
        Method = method;
        Uid = uid;
        Ids = ids;
        Args = args;
        Kwargs = kwargs;
        Context = context;
        Protocol = protocol;
    }

    /// <summary>The server, for reading and changing data (<see cref="OdooTestServer.Search"/>, <see cref="OdooTestServer.Write"/>...).</summary>
    public OdooTestServer Server { get; }

    /// <summary>The model name.</summary>
    public string Model { get; }

    /// <summary>The method name.</summary>
    public string Method { get; }

    /// <summary>The calling user's id.</summary>
    public int Uid { get; }

    /// <summary>The record ids (empty for model methods).</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <summary>The positional arguments after the ids (a JSON array; always empty over JSON-2).</summary>
    public JsonElement Args { get; }

    /// <summary>The keyword arguments without <c>context</c> (a JSON object).</summary>
    public JsonElement Kwargs { get; }

    /// <summary>The context object (an empty object when none was sent).</summary>
    public JsonElement Context { get; }

    /// <summary>The protocol the call came in by.</summary>
    public OdooRequestProtocol Protocol { get; }

    /// <summary>
    /// Gets an argument by keyword, or else by position in <see cref="Args"/> (how Python binds it).
    /// </summary>
    /// <param name="name">The keyword.</param>
    /// <param name="position">The position among the positional arguments after the ids.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether the argument was given.</returns>
    public bool TryGetArgument(string name, int position, out JsonElement value)
    {
        if (Kwargs.ValueKind == JsonValueKind.Object && Kwargs.TryGetProperty(name, out value)) return true;
        if (Args.ValueKind == JsonValueKind.Array && position >= 0 && position < Args.GetArrayLength())
        {
            value = Args[position];
            return true;
        }
        value = default;
        return false;
    }
}
