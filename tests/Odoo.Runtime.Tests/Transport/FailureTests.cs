using System.Text.Json;
using System.Net;

namespace Odoo.Runtime.Tests.Transport;

/// <summary>Bodies that are not Odoo's, HTTP errors, dropped connections, timeouts and cancellation.</summary>
public sealed class FailureTests
{
    private static async Task<OdooClient> ClientAnswering(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> executeKw, Action<OdooClientOptions>? configure = null)
    {
        var fake = new FakeOdoo { ExecuteKw = executeKw };
        return await fake.ConnectAsync(o =>
        {
            o.MaxReadRetries = 0;
            configure?.Invoke(o);
        });
    }

    private static Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Answer(Func<HttpResponseMessage> make) => (_, _) => Task.FromResult(make());

    [Fact]
    public async Task Html_body_is_a_protocol_error_quoting_at_most_200_characters()
    {
        await using var client = await ClientAnswering(Answer(() => FakeOdoo.Text(WireSamples.ResponseText("33-unknown-route-404"), 200, "text/html;charset=utf-8")));
        var ex = await Assert.ThrowsAsync<OdooProtocolException>(() => client.Model("res.partner").SearchAsync(limit: 1));
        Assert.StartsWith("<!DOCTYPE html>", ex.BodyExcerpt);
        Assert.True(ex.BodyExcerpt!.Length <= OdooProtocolException.MaxQuotedLength);
        Assert.Contains("res.partner.search", ex.Message);
        Assert.Contains("not JSON", ex.Message);
        Assert.Contains("text/html", ex.Message);
        Assert.True(ex.Message.Length < 600, ex.Message);
    }

    [Fact]
    public async Task Truncated_json_is_a_protocol_error()
    {
        var full = WireSamples.ResponseText("07-execute_kw-search_read-res.partner");
        await using var client = await ClientAnswering(Answer(() => FakeOdoo.Text(full[..(full.Length / 2)])));
        var ex = await Assert.ThrowsAsync<OdooProtocolException>(() => client.Model("res.partner").SearchReadAsync());
        Assert.Contains("invalid or cut short", ex.Message);
        Assert.Contains("res.partner.search_read", ex.Message);
        Assert.True(ex.BodyExcerpt!.Length <= 200);
    }

    [Theory]
    [InlineData("""{"jsonrpc": "2.0", "id": 1}""", "an integer")]
    [InlineData("""[1, 2, 3]""", "not a JSON-RPC envelope")]
    [InlineData("""{"jsonrpc": "2.0", "id": 1, "result": 3} {"again": 1}""", "invalid or cut short")]
    [InlineData("", "not JSON")]
    public async Task Wrong_shapes_are_protocol_errors(string body, string expected)
    {
        await using var client = await ClientAnswering(Answer(() => FakeOdoo.Text(body)));
        var ex = await Assert.ThrowsAsync<OdooProtocolException>(() => client.Model("res.partner").SearchCountAsync());
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public async Task An_envelope_without_result_is_a_method_that_returned_none()
    {
        // Real Odoo 18 leaves "result" out when the method returned None (sample 74: update).
        await using var client = await ClientAnswering(Answer(() => FakeOdoo.Text("""{"jsonrpc": "2.0", "id": 74}""")));
        var result = await client.Model("res.partner").CallAsync("update", [new[] { 1 }, new Dictionary<string, object?>()]);
        Assert.Equal(JsonValueKind.Null, result.ValueKind);
    }

    [Fact]
    public async Task A_result_of_the_wrong_type_is_a_protocol_error_naming_the_call()
    {
        await using var client = await ClientAnswering(Answer(() => FakeOdoo.RpcResult("\"nine\"")));
        var ex = await Assert.ThrowsAsync<OdooProtocolException>(() => client.Model("res.partner").SearchCountAsync());
        Assert.Contains("res.partner.search_count", ex.Message);
        Assert.Contains("an integer", ex.Message);
    }

    [Fact]
    public async Task Http_502_is_a_transport_error_with_status_and_url()
    {
        await using var client = await ClientAnswering(Answer(() => FakeOdoo.Text("<html>Bad Gateway</html>", 502, "text/html")));
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").UnlinkAsync([4]));
        Assert.Equal(502, ex.StatusCode);
        Assert.Equal(new Uri(FakeOdoo.BaseUrl + "jsonrpc"), ex.Url);
        Assert.False(ex.IsTimeout);
        Assert.Contains("res.partner.unlink(4)", ex.Message);
        Assert.Contains("HTTP 502", ex.Message);
    }

    [Fact]
    public async Task Dropped_connection_is_a_transport_error_without_status()
    {
        await using var client = await ClientAnswering((_, _) => throw new HttpRequestException("An error occurred while sending the request.", new IOException("Connection reset by peer")));
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").SearchAsync());
        Assert.Null(ex.StatusCode);
        Assert.False(ex.IsTimeout);
        Assert.Contains("Connection reset by peer", ex.Message);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task Connection_cut_in_the_middle_of_the_body_is_a_transport_error()
    {
        await using var client = await ClientAnswering(Answer(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BrokenStream()) }));
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").SearchAsync());
        Assert.Null(ex.StatusCode);
        Assert.False(ex.IsTimeout);
    }

    /// <summary>Connects to a loopback port nothing listens on (bound then released); returns the error and the port.</summary>
    private static async Task<(OdooTransportException Error, int Port)> ConnectToAClosedPortAsync()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => OdooClient.ConnectAsync(new OdooClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Database = "odoodb",
            Username = "admin",
            Password = "admin",
            MaxReadRetries = 0,
            Timeout = TimeSpan.FromSeconds(5),
        }));
        return (ex, port);
    }

    [Fact]
    public async Task Connection_refused_on_a_real_socket_is_a_transport_error()
    {
        var (ex, port) = await ConnectToAClosedPortAsync();
        Assert.Null(ex.StatusCode);
        Assert.False(ex.IsTimeout);
        Assert.Equal($"http://127.0.0.1:{port}/web/webclient/version_info", ex.Url!.ToString());
    }

    [Fact]
    public async Task A_refused_connection_says_what_was_asked_where_and_why_once()
    {
        var (ex, port) = await ConnectToAClosedPortAsync();
        var prefix = $"web.version_info to Odoo at http://127.0.0.1:{port}/web/webclient/version_info failed: ";
        Assert.StartsWith(prefix, ex.Message);
        Assert.EndsWith(".", ex.Message);
        // The cause is said once, although the HTTP error and the socket error inside it both state it.
        var cause = ex.GetBaseException().Message.TrimEnd('.');
        Assert.Equal(1, CountOf(ex.Message, cause));
        Assert.Equal(1, CountOf(ex.Message, "failed"));
        Assert.Equal(1, CountOf(ex.Message, "Odoo"));
    }

    [Fact]
    public void Network_causes_are_said_once_without_pointers_to_inner_exceptions()
    {
        Assert.Equal("Connection refused (127.0.0.1:9)",
            Odoo.Transport.OdooHttpConnection.Describe(new HttpRequestException("Connection refused (127.0.0.1:9)", new IOException("Connection refused"))));
        Assert.StartsWith("The SSL connection could not be established: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot. The server's certificate was refused: ",
            Odoo.Transport.OdooHttpConnection.Describe(new HttpRequestException(
                "The SSL connection could not be established, see inner exception.",
                new System.Security.Authentication.AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"))),
            StringComparison.Ordinal);
        Assert.Equal("An error occurred while sending the request: The response ended prematurely",
            Odoo.Transport.OdooHttpConnection.Describe(new HttpRequestException("An error occurred while sending the request.", new IOException("The response ended prematurely."))));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    [Fact]
    public async Task Timeout_is_a_transport_error_marked_as_timeout()
    {
        await using var client = await ClientAnswering(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return FakeOdoo.RpcResult("1");
        }, o => o.Timeout = TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").SearchCountAsync());
        Assert.True(ex.IsTimeout);
        Assert.Null(ex.StatusCode);
        Assert.Contains("timed out after 1 s", ex.Message);
        Assert.Contains("res.partner.search_count", ex.Message);
    }

    [Fact]
    public async Task Caller_cancellation_is_an_operation_cancelled_exception_not_a_timeout()
    {
        await using var client = await ClientAnswering(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return FakeOdoo.RpcResult("1");
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Model("res.partner").SearchCountAsync(cancellationToken: cts.Token));
        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task Already_cancelled_token_sends_nothing()
    {
        var fake = new FakeOdoo();
        await using var client = await fake.ConnectAsync();
        var before = fake.Requests.Count;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Model("res.partner").SearchCountAsync(cancellationToken: new CancellationToken(true)));
        Assert.Equal(before, fake.Requests.Count);
    }

    [Fact]
    public async Task Unsupported_argument_types_fail_before_sending()
    {
        var fake = new FakeOdoo();
        await using var client = await fake.ConnectAsync();
        var before = fake.Requests.Count;
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Model("res.partner").CallAsync("x", args: [DayOfWeek.Monday]));
        Assert.Contains("DayOfWeek", ex.Message);
        Assert.Equal(before, fake.Requests.Count);
    }

    [Theory]
    [InlineData("odoo.http.SessionExpiredException", 100, typeof(OdooSessionExpiredException))]
    [InlineData("odoo.exceptions.UserError", 200, typeof(OdooUserException))]
    [InlineData("odoo.exceptions.RedirectWarning", 200, typeof(OdooUserException))]
    [InlineData("odoo.exceptions.AccessError", 200, typeof(OdooAccessException))]
    [InlineData("odoo.exceptions.AccessDenied", 200, typeof(OdooAccessDeniedException))]
    [InlineData("odoo.exceptions.ValidationError", 200, typeof(OdooValidationException))]
    [InlineData("psycopg2.errors.UniqueViolation", 200, typeof(OdooValidationException))]
    [InlineData("psycopg2.IntegrityError", 200, typeof(OdooValidationException))]
    [InlineData("odoo.exceptions.MissingError", 200, typeof(OdooMissingRecordException))]
    [InlineData("openerp.exceptions.MissingError", 200, typeof(OdooMissingRecordException))]
    [InlineData("builtins.KeyError", 200, typeof(OdooServerException))]
    public async Task Error_names_map_to_exception_types(string name, int code, Type expected)
    {
        await using var client = await ClientAnswering(Answer(() => FakeOdoo.RpcError(name, "Something went wrong", code)));
        var ex = await Assert.ThrowsAnyAsync<OdooServerException>(() => client.Model("sale.order").CallAsync("action_confirm", ids: [12]));
        Assert.Equal(expected, ex.GetType());
        Assert.Equal(name, ex.ExceptionName);
        Assert.Equal($"sale.order.action_confirm(12) failed ({name}): Something went wrong", ex.Message);
        Assert.Equal("Something went wrong", ex.ServerMessage);
    }

    [Fact]
    public async Task Debug_text_is_cut_to_2000_characters()
    {
        var longDebug = "Traceback (most recent call last):\n" + new string('x', 10_000);
        await using var client = await ClientAnswering(Answer(() => FakeOdoo.RpcError("odoo.exceptions.UserError", "No.", debug: longDebug)));
        var ex = await Assert.ThrowsAsync<OdooUserException>(() => client.Model("res.partner").SearchAsync());
        Assert.Equal(OdooServerException.MaxDebugLength, ex.Debug!.Length);
    }

    [Fact]
    public async Task Error_without_data_uses_the_envelope_message()
    {
        await using var client = await ClientAnswering(Answer(() => FakeOdoo.Text("""{"jsonrpc": "2.0", "id": 1, "error": {"code": 404, "message": "404: Not Found"}}""")));
        var ex = await Assert.ThrowsAsync<OdooServerException>(() => client.Model("res.partner").SearchAsync());
        Assert.Equal("404: Not Found", ex.ServerMessage);
    }

    private sealed class BrokenStream : Stream
    {
        private int _reads;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_reads++ == 0)
            {
                var part = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": [1, 2"u8;
                part.CopyTo(buffer.AsSpan(offset));
                return part.Length;
            }
            throw new IOException("The response ended prematurely.");
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
