using System.Text.Json;
using Odoo.Transport;

namespace Odoo.Runtime.Tests.Transport;

/// <summary>
/// Secrets are masked where they are echoed (a quoted argument, a JSON body, the whole text, an unquoted distinctive
/// token), not wherever their letters happen to occur: a password that is an ordinary word, or equal to the user
/// name, leaves the client's own messages and the server's running text whole.
/// </summary>
public sealed class RedactionByPlaceTests
{
    private static Task<OdooClient> Connect(FakeOdoo fake, string username, string password) => fake.ConnectAsync(o =>
    {
        o.Username = username;
        o.Password = password;
        o.MaxReadRetries = 0;
    });

    [Fact]
    public async Task A_refused_login_whose_password_equals_the_user_name_still_names_the_user()
    {
        var fake = new FakeOdoo { Login = _ => FakeOdoo.RpcResult("false") };
        var ex = await Assert.ThrowsAsync<OdooAccessDeniedException>(() => Connect(fake, "admin", "admin"));
        Assert.Contains("Login to Odoo database 'odoodb' as 'admin' at http://odoo.test:8069/ was refused", ex.Message);
        Assert.DoesNotContain("***", ex.ToString());
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("password")]
    [InlineData("login")]
    public async Task A_password_that_is_a_word_of_the_message_leaves_the_message_whole(string password)
    {
        var fake = new FakeOdoo { Login = _ => FakeOdoo.RpcResult("false") };
        var ex = await Assert.ThrowsAsync<OdooAccessDeniedException>(() => Connect(fake, "clerk", password));
        Assert.EndsWith("was refused: wrong login or password/API key (common.login answered false).", ex.Message);
        Assert.DoesNotContain("***", ex.ToString());
    }

    [Fact]
    public async Task A_server_error_echoing_the_arguments_masks_the_echo_and_keeps_the_rest()
    {
        // The password equals the user name and is a common word: Odoo's repr of the call's arguments and the
        // traceback's locals quote it; the running text ("admin rights") does not.
        const string message = "execute_kw() got unexpected arguments ('odoodb', 2, 'admin', 'res.partner', 'read'): admin rights are required";
        const string debug = "Traceback (most recent call last):\n  File \"odoo/service/model.py\", line 62, in dispatch\n    (db, uid, passwd) = ('odoodb', 2, 'admin')\nTypeError: " + message;
        var fake = new FakeOdoo { ExecuteKw = (_, _) => Task.FromResult(FakeOdoo.RpcError("builtins.TypeError", message, debug: debug)) };
        await using var client = await Connect(fake, "admin", "admin");
        var ex = await Assert.ThrowsAnyAsync<OdooServerException>(() => client.Model("res.partner").ReadAsync([1]));

        const string masked = "('odoodb', 2, '***', 'res.partner', 'read'): admin rights are required";
        Assert.Contains(masked, ex.Message);
        Assert.Contains(masked, ex.ServerMessage);
        Assert.Contains(masked, Assert.Single(ex.Arguments));
        Assert.Contains("(db, uid, passwd) = ('odoodb', 2, '***')", ex.Debug);
        Assert.DoesNotContain("'admin'", ex.ToString());
        Assert.DoesNotContain("'admin'", ex.Debug);
    }

    [Fact]
    public async Task A_body_echoing_the_request_masks_the_password_where_the_request_carried_it()
    {
        // A proxy answers 502 with the JSON it was sent: the password stands as a JSON string.
        const string echo = """{"service": "object", "method": "execute_kw", "args": ["odoodb", 2, "admin", "res.partner", "search_count"], "note": "admin"}""";
        var fake = new FakeOdoo { ExecuteKw = (_, _) => Task.FromResult(FakeOdoo.Text(echo, 502)) };
        await using var client = await Connect(fake, "clerk", "admin");
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").SearchCountAsync());
        Assert.Contains("""["odoodb", 2, "***", "res.partner",""", ex.Message);
        Assert.DoesNotContain("\"admin\"", ex.ToString());
    }

    public static TheoryData<string, string, string> Cases() => new()
    {
        // secret, server text, expected
        { "admin", "Only an admin may read this", "Only an admin may read this" },
        { "admin", "args ('odoodb', 2, 'admin')", "args ('odoodb', 2, '***')" },
        { "admin", "{\"password\": \"admin\"}", "{\"password\": \"***\"}" },
        { "admin", "{\"message\": \"bad \\\"admin\\\" given\"}", "{\"message\": \"bad \\\"***\\\" given\"}" },
        { "admin", "\\u0022admin\\u0022", "\\u0022***\\u0022" },
        { "admin", "admin", "***" },
        { "admin", " admin\n", " ***\n" },
        { "admin", "administrator 'admins'", "administrator 'admins'" },
        { "wrong", "Wrong login/password, wrong value", "Wrong login/password, wrong value" },
        { "a", "a value for 'a'", "a value for '***'" },
        // A distinctive secret is masked as an unquoted token too, but not inside a longer word.
        { "Pw-7f3c9e1a", "login Pw-7f3c9e1a refused", "login *** refused" },
        { "Pw-7f3c9e1a", "<b>Pw-7f3c9e1a</b>", "<b>***</b>" },
        { "Pw-7f3c9e1a", "xPw-7f3c9e1a", "xPw-7f3c9e1a" },
        { "correcthorsebattery", "for correcthorsebattery.", "for ***." },
        { "hunter2x", "pass hunter2x\\nnext", "pass ***\\nnext" },
        { "hunter2x", "pass\\nhunter2x", "pass\\n***" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Masks_echoes_by_place(string secret, string text, string expected) =>
        Assert.Equal(expected, new SecretRedactor(secret).Redact(text));

    [Fact]
    public void Leaks_matches_what_redact_masks()
    {
        var redactor = new SecretRedactor("admin", null, "");
        Assert.False(redactor.Leaks(new InvalidOperationException("the admin user")));
        Assert.True(redactor.Leaks(new InvalidOperationException("outer", new FormatException("value 'admin' is not a date"))));
        Assert.False(SecretRedactor.None.Leaks(new InvalidOperationException("'admin'")));
    }

    [Fact]
    public void Every_json_form_of_a_password_is_masked_where_it_stands_quoted()
    {
        const string password = "pa\"ss\u00e9";
        var redactor = new SecretRedactor(password);
        foreach (var form in SecretRedactor.Forms(password))
        {
            var body = "{\"args\": [\"" + form + "\"]}";
            Assert.Equal("{\"args\": [\"***\"]}", redactor.Redact(body));
        }
        Assert.Equal(JsonSerializer.Serialize(new { args = new[] { "***" } }), redactor.Redact(JsonSerializer.Serialize(new { args = new[] { password } })));
    }
}
