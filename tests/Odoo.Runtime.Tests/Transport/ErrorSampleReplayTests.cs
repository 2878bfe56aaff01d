using System.Net.Security;
using System.Security.Authentication;
using Odoo.Runtime.Tests.Managers;
using Odoo.Transport;
using Odoo.Values;

namespace Odoo.Runtime.Tests.Transport;

/// <summary>
/// Replays what a real Odoo 18 answered for the error cases (WireSamples 60-75, recorded by
/// scripts/record-error-samples.sh): each answer must become its typed exception with a message that says what to do.
/// </summary>
public sealed class ErrorSampleReplayTests
{
    private static async Task<OdooClient> ReplayAsync(FakeOdoo fake, string sample)
    {
        fake.ExecuteKw = (_, _) => Task.FromResult(WireSamples.Response(sample));
        return await fake.ConnectAsync();
    }

    private static int DbListRequests(FakeOdoo fake) => fake.Requests.Count(r => r.Path == "/jsonrpc" && r.Service == "db" && r.RpcMethod == "list");

    // ------------------------------------------------------------------ database not found

    [Fact]
    public async Task A_login_to_a_missing_database_names_it_and_lists_the_servers_databases()
    {
        var fake = new FakeOdoo { Login = _ => WireSamples.Response("61-common-login-unknown-database") };
        var ex = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => fake.ConnectAsync(o => o.Database = "no_such_db"));

        Assert.Equal("psycopg2.OperationalError", ex.ExceptionName);
        Assert.Equal("no_such_db", ex.Database);
        Assert.Equal(["errdb", "odoodb", "odoogen_it"], ex.AvailableDatabases);
        Assert.Equal(
            "common.login failed (psycopg2.OperationalError): Odoo has no database 'no_such_db' (or its db_filter hides it). The server lists: errdb, odoodb, odoogen_it. Set OdooClientOptions.Database to a database of this server.",
            ex.Message);
        Assert.Equal(1, DbListRequests(fake));
        Assert.Single(fake.Requests, r => r.Service == "common"); // not retried
    }

    [Fact]
    public async Task A_server_that_refuses_to_list_databases_still_gets_the_typed_error()
    {
        var fake = new FakeOdoo
        {
            Login = _ => WireSamples.Response("61-common-login-unknown-database"),
            DbList = _ => FakeOdoo.RpcError("odoo.exceptions.AccessDenied", "Access Denied"),
        };
        var ex = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => fake.ConnectAsync(o => o.Database = "no_such_db"));
        Assert.Null(ex.AvailableDatabases);
        Assert.Equal("no_such_db", ex.Database);
        Assert.DoesNotContain("lists", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Set OdooClientOptions.Database", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_login_to_a_missing_database_gives_the_same_error_with_the_configured_name()
    {
        var fake = new FakeOdoo { SessionAuthenticate = _ => WireSamples.Response("62-session-authenticate-unknown-database") };
        var ex = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => fake.ConnectAsync(o =>
        {
            o.Database = "no_such_db";
            o.UseWebSession = true;
        }));
        Assert.Equal("odoo.exceptions.AccessError", ex.ExceptionName);
        Assert.Equal("Database not found.", ex.ServerMessage);
        Assert.Equal("no_such_db", ex.Database);
        Assert.Equal(["errdb", "odoodb", "odoogen_it"], ex.AvailableDatabases);
        Assert.StartsWith("web.session.authenticate failed (odoo.exceptions.AccessError): Odoo has no database 'no_such_db'", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OdooServerException>(ex);
    }

    [Fact]
    public async Task A_missing_database_after_connecting_is_typed_without_listing()
    {
        var fake = new FakeOdoo();
        await using var client = await ReplayAsync(fake, "60-execute_kw-unknown-database");
        var ex = await Assert.ThrowsAsync<OdooDatabaseNotFoundException>(() => client.Model("res.partner").SearchAsync());
        Assert.Equal("no_such_db", ex.Database);
        Assert.Null(ex.AvailableDatabases);
        Assert.Equal(0, DbListRequests(fake));
        Assert.Equal("res.partner", ex.Model);
    }

    // ------------------------------------------------------------------ unknown fields

    [Theory]
    [InlineData("64-execute_kw-search_read-unknown-field-in-domain")]
    [InlineData("65-execute_kw-search_read-unknown-field-in-fields")]
    [InlineData("66-execute_kw-search_read-unknown-field-in-order")]
    [InlineData("73-call_kw-search_read-unknown-field-in-domain")]
    public async Task An_unknown_field_names_the_field_and_the_model(string sample)
    {
        var fake = new FakeOdoo();
        await using var client = await ReplayAsync(fake, sample);
        var ex = await Assert.ThrowsAsync<OdooUnknownFieldException>(() => client.Model("res.partner").SearchReadAsync(fields: ["name"]));
        Assert.Equal("no_such_field", ex.Field);
        Assert.Equal("res.partner", ex.FieldModel);
        Assert.Equal("builtins.ValueError", ex.ExceptionName);
        Assert.Equal(
            "res.partner.search_read failed (builtins.ValueError): Odoo has no field 'no_such_field' on model 'res.partner'. Check the name in the fields, domain, order or values; the module that adds the field may not be installed, or the declaration does not match the server (run the drift check: odoogen check).",
            ex.Message);
        Assert.False(OdooWire.IsTransient(ex));
    }

    [Fact]
    public async Task An_unknown_field_in_write_values_is_typed()
    {
        var fake = new FakeOdoo();
        await using var client = await ReplayAsync(fake, "67-execute_kw-write-unknown-field");
        var ex = await Assert.ThrowsAsync<OdooUnknownFieldException>(() => client.Model("openstack.referral_code").WriteAsync([3], new Dictionary<string, object?> { ["no_such_field"] = 1 }));
        Assert.Equal(("openstack.referral_code", "no_such_field"), (ex.FieldModel, ex.Field));
    }

    // ------------------------------------------------------------------ invalid values

    [Fact]
    public async Task A_string_for_an_integer_in_write_is_an_invalid_value()
    {
        var fake = new FakeOdoo();
        await using var client = await ReplayAsync(fake, "68-execute_kw-write-string-for-integer");
        var ex = await Assert.ThrowsAsync<OdooInvalidValueException>(() => client.Model("openstack.referral_code").WriteAsync([3], new Dictionary<string, object?> { ["allowed_uses"] = "abc" }));
        Assert.Equal("abc", ex.Value);
        Assert.Equal("integer", ex.ExpectedType);
        Assert.Null(ex.Field); // Odoo's message does not name it
        Assert.Equal(
            "openstack.referral_code.write(3) failed (builtins.ValueError): a value does not fit its field: the value 'abc' is not a valid integer. Nothing was applied: pass a value of the field's type.",
            ex.Message);
    }

    [Fact]
    public async Task A_string_compared_with_an_integer_column_names_the_column_without_the_sql()
    {
        var fake = new FakeOdoo();
        await using var client = await ReplayAsync(fake, "69-execute_kw-search_count-string-for-integer-in-domain");
        var ex = await Assert.ThrowsAsync<OdooInvalidValueException>(() => client.Model("openstack.referral_code").SearchCountAsync(new object[] { new object[] { "id", "=", "abc" } }));
        Assert.Equal("psycopg2.errors.InvalidTextRepresentation", ex.ExceptionName);
        Assert.Equal(("id", "abc", "integer"), (ex.Field, ex.Value, ex.ExpectedType));
        Assert.Equal(
            "openstack.referral_code.search_count failed (psycopg2.errors.InvalidTextRepresentation): a value for 'id' does not fit its field: the value 'abc' is not a valid integer (compared with or assigned to the column 'id'). Nothing was applied: pass a value of the field's type.",
            ex.Message);
        Assert.DoesNotContain("LINE", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("openstack_referral_code\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("LINE 1", ex.ServerMessage, StringComparison.Ordinal); // Odoo's words are kept
    }

    [Fact]
    public async Task A_key_outside_a_selection_names_the_field()
    {
        var fake = new FakeOdoo();
        await using var client = await ReplayAsync(fake, "76-execute_kw-create-wrong-selection-key");
        var ex = await Assert.ThrowsAsync<OdooInvalidValueException>(() => client.Model("openstack.project").CreateAsync(new Dictionary<string, object?> { ["billing_type"] = "no_such_key" }));
        Assert.Equal(("billing_type", "no_such_key", "selection"), (ex.Field, ex.Value, ex.ExpectedType));
        Assert.Equal(
            "openstack.project.create failed (builtins.ValueError): a value for 'billing_type' does not fit its field: 'no_such_key' is not a key of the selection field openstack.project.billing_type. Nothing was applied: pass a value of the field's type.",
            ex.Message);
    }

    [Theory]
    [InlineData("77-execute_kw-create-invalid-date", null, "date")]
    [InlineData("78-execute_kw-search_count-invalid-datetime-in-domain", "create_date", "timestamp")]
    public async Task Text_that_is_not_a_date_is_an_invalid_value_without_sql(string sample, string? field, string type)
    {
        var fake = new FakeOdoo();
        await using var client = await ReplayAsync(fake, sample);
        var ex = await Assert.ThrowsAsync<OdooInvalidValueException>(() => client.Model("res.partner").SearchCountAsync());
        Assert.Equal("psycopg2.errors.InvalidDatetimeFormat", ex.ExceptionName);
        Assert.Equal((field, "notadate", type), (ex.Field, ex.Value, ex.ExpectedType));
        Assert.Contains($"the value 'notadate' is not a valid {type}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LINE", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("VALUES", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time data 'notadate' does not match format '%Y-%m-%d'", "notadate", "date")]
    [InlineData("time data '2025-13-45 99:00:00' does not match format '%Y-%m-%d %H:%M:%S'", "2025-13-45 99:00:00", "datetime")]
    [InlineData("could not convert string to float: 'x1'", "x1", "float")]
    public void Pythons_conversion_errors_are_invalid_values(string message, string value, string type)
    {
        var data = new ServerErrorData { Name = "builtins.ValueError", Message = message };
        var ex = Assert.IsType<OdooInvalidValueException>(OdooServerErrors.Create(data, 200, new CallInfo(null, "res.partner", "write", [1]), new SecretRedactor()));
        Assert.Equal((value, type), (ex.Value, ex.ExpectedType));
    }

    // ------------------------------------------------------------------ server restarting

    [Fact]
    public async Task A_database_connection_lost_mid_read_is_transient_and_the_read_is_retried()
    {
        var calls = 0;
        var fake = new FakeOdoo
        {
            ExecuteKw = (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
                ? WireSamples.Response("74-execute_kw-database-terminated-mid-call")
                : FakeOdoo.RpcResult("7")),
        };
        await using var client = await fake.ConnectAsync();
        Assert.Equal(7, await client.Model("res.partner").SearchCountAsync());
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_database_connection_lost_mid_write_is_not_resent_and_says_to_retry_later()
    {
        var fake = new FakeOdoo();
        await using var client = await ReplayAsync(fake, "74-execute_kw-database-terminated-mid-call");
        var ex = await Assert.ThrowsAsync<OdooServerUnavailableException>(() => client.Model("res.partner").WriteAsync([1], new Dictionary<string, object?> { ["name"] = "x" }));
        Assert.Equal("psycopg2.InterfaceError", ex.ExceptionName);
        Assert.Equal("connection already closed", ex.ServerMessage);
        Assert.Null(ex.StatusCode);
        Assert.Equal(
            "res.partner.write(1) failed (psycopg2.InterfaceError): connection already closed. Odoo lost its database connection: the server or its database is restarting or shutting down. Retry later: reads are retried within ReadRetryBudget, a write is not resent (Odoo rolled it back).",
            ex.Message);
        Assert.Single(fake.ExecuteKwRequests);
        Assert.True(OdooWire.IsTransient(ex));
        Assert.IsAssignableFrom<OdooTransportException>(ex);
    }

    [Theory]
    [InlineData("psycopg2.OperationalError", "terminating connection due to administrator command\nserver closed the connection unexpectedly\n", true)]
    [InlineData("psycopg2.OperationalError", "SSL connection has been closed unexpectedly\n", true)]
    [InlineData("psycopg2.OperationalError", "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  the database system is shutting down\n", true)]
    [InlineData("psycopg2.errors.AdminShutdown", "terminating connection due to administrator command\n", true)]
    [InlineData("psycopg2.OperationalError", "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"x\" does not exist\n", false)]
    [InlineData("psycopg2.errors.QueryCanceled", "canceling statement due to statement timeout\n", false)]
    public void Which_psycopg2_errors_mean_a_restart(string name, string message, bool restarting)
    {
        var data = new ServerErrorData { Name = name, Message = message };
        var ex = OdooServerErrors.Create(data, 200, new CallInfo(null, "res.partner", "read", null), new SecretRedactor());
        Assert.Equal(restarting, ex is OdooServerUnavailableException);
        Assert.Equal(restarting, OdooWire.IsTransient(ex));
    }

    [Fact]
    public async Task A_503_is_a_server_unavailable_error()
    {
        var fake = new FakeOdoo { ExecuteKw = (_, _) => Task.FromResult(FakeOdoo.Text("<html>503 Service Unavailable</html>", 503, "text/html")) };
        await using var client = await fake.ConnectAsync(o => o.MaxReadRetries = 0);
        var ex = await Assert.ThrowsAsync<OdooServerUnavailableException>(() => client.Model("res.partner").SearchAsync());
        Assert.Equal(503, ex.StatusCode);
        Assert.Null(ex.ExceptionName);
        Assert.Contains("answered HTTP 503 Service Unavailable: the server (or a proxy in front of it) is restarting, shutting down or overloaded. Retry later", ex.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ writes and unlinks of missing ids

    [Fact]
    public async Task Odoo_18_answers_an_unlink_of_missing_ids_with_success()
    {
        var fake = new FakeOdoo();
        await using var client = await ReplayAsync(fake, "70-execute_kw-unlink-missing-ids-no-error");
        await client.Manager<ReferralCode>().DeleteAsync(999999998); // no error: Odoo did nothing
        FakeOdoo.AssertSameCall("70-execute_kw-unlink-missing-ids-no-error", fake.ExecuteKwRequests.Single());
    }

    [Fact]
    public async Task DeleteExisting_reports_the_missing_ids_and_sends_no_unlink()
    {
        var fake = new FakeOdoo();
        await using var client = await ReplayAsync(fake, "71-execute_kw-search-existing-ids");
        var ex = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => client.Manager<ReferralCode>().DeleteExistingAsync([3, 999999998]));
        Assert.Equal([999999998], ex.MissingIds);
        Assert.Equal("unlink", ex.Method);
        Assert.Equal("ReferralCode record not found with ID: 999999998 (openstack.referral_code.unlink not sent: nothing was deleted)", ex.Message);
        var search = fake.ExecuteKwRequests.Single(); // the search of sample 71; no unlink
        var recorded = WireSamples.Request("71-execute_kw-search-existing-ids")["params"]!["args"]!.AsArray();
        Assert.Equal("search", (string?)search.Args[4]);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(recorded[5]![0], search.Args[5]![0]), search.Args[5]!.ToJsonString());
        Assert.False((bool)search.Args[6]!["context"]!["active_test"]!);
    }

    [Fact]
    public async Task UpdateExisting_writes_when_every_id_exists()
    {
        var methods = new List<string>();
        var fake = new FakeOdoo
        {
            ExecuteKw = (r, _) =>
            {
                var method = (string)r.Args[4]!;
                lock (methods) methods.Add(method);
                return Task.FromResult(method == "search" ? FakeOdoo.RpcResult("[3, 4]") : WireSamples.Response("22-execute_kw-write-deleted-ids-no-error"));
            },
        };
        await using var client = await fake.ConnectAsync();
        await client.Manager<ReferralCode>().UpdateExistingAsync([3, 4, 3], new OdooValues { ["AllowedUses"] = 1 });
        Assert.Equal(["search", "write"], methods);
        var write = fake.ExecuteKwRequests.Last();
        Assert.Equal("[3,4,3]", write.Args[5]![0]!.ToJsonString());
    }

    [Fact]
    public async Task UpdateExisting_refuses_a_bad_value_before_any_request()
    {
        var fake = new FakeOdoo();
        await using var client = await fake.ConnectAsync();
        var before = fake.Requests.Count;
        await Assert.ThrowsAsync<ArgumentException>(() => client.Manager<ReferralCode>().UpdateExistingAsync(3, new OdooValues { ["AllowedUses"] = "abc" }));
        Assert.Equal(before, fake.Requests.Count);
    }

    // ------------------------------------------------------------------ TLS refusals in words

    [Theory]
    [InlineData("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot", "root this machine does not trust", "CaCertificatePath")]
    [InlineData("The remote certificate is invalid because of errors in the certificate chain: NotTimeValid", "has expired or is not valid yet", "renew")]
    [InlineData("The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch", "host name mismatch", "Url")]
    [InlineData("The remote certificate is invalid because of errors in the certificate chain: PartialChain", "intermediate certificates", "CaCertificatePath")]
    [InlineData("The remote certificate was rejected by the provided RemoteCertificateValidationCallback.", "CaCertificatePath", "host name")]
    public void A_refused_handshake_says_why_in_words(string dotnetMessage, string words, string advice)
    {
        var ex = new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established, see inner exception.",
            new AuthenticationException(dotnetMessage));
        var text = OdooHttpConnection.Describe(ex);
        Assert.StartsWith("The SSL connection could not be established: " + dotnetMessage.TrimEnd('.'), text, StringComparison.Ordinal);
        Assert.Contains("The server's certificate was refused: ", text, StringComparison.Ordinal);
        Assert.Contains(words, text, StringComparison.Ordinal);
        Assert.Contains(advice, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_failures_get_no_tls_words()
    {
        Assert.Equal("Connection refused", OdooHttpConnection.Describe(new HttpRequestException("Connection refused")));
        Assert.Null(OdooTlsText.Explain(new IOException("reset")));
        _ = SslPolicyErrors.None;
    }
}
