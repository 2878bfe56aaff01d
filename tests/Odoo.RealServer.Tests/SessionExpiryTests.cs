using System.Text;
using System.Text.RegularExpressions;
using Odoo.Domains;
using Odoo.Models.OpenStack;
using Odoo.Values;

namespace Odoo.RealServer.Tests;

/// <summary>
/// A web session that ends in the middle of a loop of reads and of a stream: the caller sees no
/// error, and no record is skipped or repeated. The session ends the ways it ends in production:
/// the server loses it (its file deleted, when ODOO_SESSIONS_DIR is given; otherwise logged out
/// through /web/session/destroy with the client's own cookie), or an administrator revokes the
/// user's sessions (rewriting the password, which changes the session token).
/// </summary>
[Collection(RealOdooCollection.Name)]
public sealed partial class SessionExpiryTests(RealOdooFixture fixture) : IAsyncLifetime
{
    private OpenStackOdooClient Admin => fixture.Odoo;

    private Cleanup _cleanup = null!;
    private (int Id, string Login, string Password) _user;
    private List<int> _ids = null!;
    private List<string> _names = null!;

    public async Task InitializeAsync()
    {
        _cleanup = new Cleanup(Admin.Client);
        _user = await Support.UserAsync(Admin, _cleanup, "sessions", "base.group_user");
        _names = Enumerable.Range(0, 40).Select(i => RealOdoo.Name($"sess {i:D2}")).ToList();
        _ids = [.. _cleanup.Add("res.partner.category", await Admin.PartnerCategories.CreateManyAsync(_names.Select(n => new OdooValues { ["Name"] = n })))];
    }

    public async Task DisposeAsync() => await _cleanup.DisposeAsync();

    private static OdooDomain Mine => OdooDomain.Where("Name", "=like", RealOdoo.Name("sess ") + "%");

    private enum Ending { ServerLosesSession, AdminRevokes }

    [Fact]
    public Task Reads_in_a_loop_survive_a_lost_session() => LoopAsync(Ending.ServerLosesSession);

    [Fact]
    public Task Reads_in_a_loop_survive_revoked_sessions() => LoopAsync(Ending.AdminRevokes);

    [Fact]
    public Task A_stream_survives_a_lost_session() => StreamAsync(Ending.ServerLosesSession);

    [Fact]
    public Task A_stream_survives_revoked_sessions() => StreamAsync(Ending.AdminRevokes);

    private async Task LoopAsync(Ending ending)
    {
        using var spy = new SessionSpy();
        await using var odoo = await RealOdoo.ConnectAsync(_user.Login, _user.Password, spy);
        var read = new List<int>();
        for (var i = 0; i < _ids.Count; i++)
        {
            if (i is 10 or 25) await EndSessionAsync(ending, spy);
            var tag = await odoo.PartnerCategories.GetAsync(_ids[i], ["Name"]);
            Assert.Equal(_names[i], tag.Name);
            read.Add(tag.Id);
            if (i % 7 == 3) Assert.Equal(_ids.Count, await odoo.PartnerCategories.CountAsync(Mine));
        }
        Assert.Equal(_ids, read);
        Assert.Equal(3, spy.Logins); // connected, then renewed after each end
        // And the client goes on working.
        Assert.Equal(_ids, await odoo.PartnerCategories.SearchIdsAsync(Mine, order: "Id"));
    }

    private async Task StreamAsync(Ending ending)
    {
        using var spy = new SessionSpy();
        await using var odoo = await RealOdoo.ConnectAsync(_user.Login, _user.Password, spy);
        var seen = new List<int>();
        await foreach (var tag in odoo.PartnerCategories.StreamAsync(Mine, fields: ["Name"], batchSize: 6))
        {
            seen.Add(tag.Id);
            Assert.Equal(_names[_ids.IndexOf(tag.Id)], tag.Name);
            if (seen.Count is 8 or 21) await EndSessionAsync(ending, spy); // mid-page: the next page is read after the end
        }
        Assert.Equal(_ids, seen);
        Assert.Equal(3, spy.Logins);
    }

    private async Task EndSessionAsync(Ending ending, SessionSpy spy)
    {
        if (ending == Ending.AdminRevokes)
        {
            // Rewriting the same password changes its hash (new salt), so the user's session tokens no longer match.
            await Admin.Users.UpdateAsync(_user.Id, new OdooValues { ["password"] = _user.Password });
            return;
        }
        var sid = spy.SessionId;
        Assert.NotNull(sid); // a password login keeps a session cookie
        if (RealOdoo.SessionsDir is { } dir)
        {
            var file = Path.Combine(dir, sid[..2], sid);
            Assert.True(File.Exists(file), $"no session file {file}");
            File.Delete(file);
            return;
        }
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(RealOdoo.Url), "/web/session/destroy"))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","method":"call","params":{},"id":1}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Cookie", "session_id=" + sid);
        using var answer = await http.SendAsync(request);
        answer.EnsureSuccessStatusCode();
        Assert.DoesNotContain("\"error\"", await answer.Content.ReadAsStringAsync());
    }

    /// <summary>Remembers the session cookie the client sends or is given.</summary>
    private sealed partial class SessionSpy() : DelegatingHandler(new SocketsHttpHandler { UseCookies = false })
    {
        public string? SessionId { get; private set; }

        private int _logins;

        /// <summary>How many times the client authenticated (once to connect, once per renewal).</summary>
        public int Logins => Volatile.Read(ref _logins);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("Cookie", out var sent)) Remember(sent);
            if (request.RequestUri!.AbsolutePath.EndsWith("/web/session/authenticate", StringComparison.Ordinal)) Interlocked.Increment(ref _logins);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set)) Remember(set);
            return response;
        }

        private void Remember(IEnumerable<string> headers)
        {
            foreach (var h in headers)
            {
                var m = SessionCookie().Match(h);
                if (m.Success) SessionId = m.Groups[1].Value;
            }
        }

        [GeneratedRegex("session_id=([A-Za-z0-9_\\-]{20,})")]
        private static partial Regex SessionCookie();
    }
}
