using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Odoo.Diagnostics;
using Odoo.Transport;

namespace Odoo.Runtime.Tests.Transport;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Each_call_has_an_activity_and_measurements_with_model_method_and_outcome()
    {
        // A model name no other test uses, so parallel tests do not disturb the counts.
        var model = "x.telemetry." + Guid.NewGuid().ToString("N")[..8];
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OdooTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (Equals(a.GetTagItem(OdooTelemetry.ModelTag), model)) lock (activities) activities.Add(a);
            },
        };
        ActivitySource.AddActivityListener(listener);

        var calls = new List<(long Value, string? Outcome, string? Method)>();
        var durations = new List<double>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OdooTelemetry.Name) l.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name != OdooTelemetry.CallsInstrument || !HasTag(tags, OdooTelemetry.ModelTag, model)) return;
            lock (calls) calls.Add((value, Tag(tags, OdooTelemetry.OutcomeTag), Tag(tags, OdooTelemetry.MethodTag)));
        });
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == OdooTelemetry.DurationInstrument && HasTag(tags, OdooTelemetry.ModelTag, model)) lock (durations) durations.Add(value);
        });
        meters.Start();

        var fake = new FakeOdoo
        {
            ExecuteKw = (r, _) => Task.FromResult((string?)r.Args[4] == "search_count"
                ? FakeOdoo.RpcResult("3")
                : FakeOdoo.RpcError("odoo.exceptions.ValidationError", "nope")),
        };
        await using var client = await fake.ConnectAsync();
        Assert.Equal(3, await client.Model(model).SearchCountAsync());
        await Assert.ThrowsAsync<OdooValidationException>(() => client.Model(model).WriteAsync([5], new Dictionary<string, object?> { ["a"] = 1 }));

        lock (activities)
        {
            Assert.Equal(2, activities.Count);
            var ok = activities.Single(a => Equals(a.GetTagItem(OdooTelemetry.MethodTag), "search_count"));
            Assert.Equal("success", ok.GetTagItem(OdooTelemetry.OutcomeTag));
            Assert.Equal("jsonrpc", ok.GetTagItem(OdooTelemetry.ProtocolTag));
            Assert.Equal("odoo.test", ok.GetTagItem("server.address"));
            Assert.Equal(ActivityKind.Client, ok.Kind);
            Assert.Equal(ActivityStatusCode.Ok, ok.Status);
            var failed = activities.Single(a => Equals(a.GetTagItem(OdooTelemetry.MethodTag), "write"));
            Assert.Equal("server_error", failed.GetTagItem(OdooTelemetry.OutcomeTag));
            Assert.Equal(ActivityStatusCode.Error, failed.Status);
            Assert.Equal(1, failed.GetTagItem("odoo.ids.count"));
        }
        lock (calls)
        {
            Assert.Contains((1L, "success", "search_count"), calls);
            Assert.Contains((1L, "server_error", "write"), calls);
        }
        lock (durations) Assert.Equal(2, durations.Count);
    }

    private static bool HasTag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string value)
    {
        foreach (var t in tags)
        {
            if (t.Key == key && Equals(t.Value, value)) return true;
        }
        return false;
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var t in tags)
        {
            if (t.Key == key) return t.Value as string;
        }
        return null;
    }
}

public sealed class TlsTests
{
    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 CreateLeaf(X509Certificate2 ca, string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(host);
        req.CertificateExtensions.Add(san.Build());
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        return req.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(10), [1, 2, 3, 4, 5, 6, 7, 8]);
    }

    [Fact]
    public void A_certificate_issued_by_the_custom_ca_is_accepted_in_addition_to_system_roots()
    {
        using var ca = CreateCa("OdooGen Test CA");
        using var other = CreateCa("Some Other CA");
        using var leaf = CreateLeaf(ca, "odoo.internal");

        Assert.True(OdooHttpHandlers.ValidateWithExtraRoots(leaf, SslPolicyErrors.RemoteCertificateChainErrors, [ca]));
        Assert.False(OdooHttpHandlers.ValidateWithExtraRoots(leaf, SslPolicyErrors.RemoteCertificateChainErrors, [other]));
        // a name mismatch is never forgiven
        Assert.False(OdooHttpHandlers.ValidateWithExtraRoots(leaf, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch, [ca]));
        // what the system trusts stays trusted
        Assert.True(OdooHttpHandlers.ValidateWithExtraRoots(leaf, SslPolicyErrors.None, [other]));
    }

    [Fact]
    public void The_public_handler_has_no_cookies_no_redirects_and_tls_per_options()
    {
        using var plain = OdooHttpHandlers.Create(new OdooClientOptions());
        Assert.False(plain.UseCookies);
        Assert.False(plain.AllowAutoRedirect);
        Assert.Equal(System.Net.DecompressionMethods.All, plain.AutomaticDecompression);
        Assert.Null(plain.SslOptions.RemoteCertificateValidationCallback); // the system's roots only

        using var unverified = OdooHttpHandlers.Create(new OdooClientOptions { VerifyTls = false });
        Assert.True(unverified.SslOptions.RemoteCertificateValidationCallback!(this, null, null, SslPolicyErrors.RemoteCertificateNameMismatch));

        using var ca = CreateCa("OdooGen Handler CA");
        var path = Path.Combine(Path.GetTempPath(), $"odoogen-ca-{Guid.NewGuid():N}.pem");
        try
        {
            File.WriteAllText(path, ca.ExportCertificatePem());
            using var leaf = CreateLeaf(ca, "odoo.internal");
            using var custom = OdooHttpHandlers.Create(new OdooClientOptions { CaCertificatePath = path });
            var validate = custom.SslOptions.RemoteCertificateValidationCallback!;
            Assert.True(validate(this, leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
            Assert.False(validate(this, leaf, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
        }
        finally
        {
            File.Delete(path);
        }
        var missing = Assert.Throws<ArgumentException>(() => OdooHttpHandlers.Create(new OdooClientOptions { CaCertificatePath = path }));
        Assert.Equal("CaCertificatePath", missing.ParamName);
    }

    [Fact]
    public void Ca_file_loads_from_pem_and_bad_files_are_named()
    {
        using var ca = CreateCa("OdooGen PEM CA");
        var path = Path.Combine(Path.GetTempPath(), $"odoogen-ca-{Guid.NewGuid():N}.pem");
        var bad = path + ".bad";
        try
        {
            File.WriteAllText(path, ca.ExportCertificatePem());
            var loaded = OdooHttpHandlers.LoadCertificates(path);
            Assert.Equal(ca.Thumbprint, Assert.Single(loaded).Thumbprint);

            File.WriteAllText(bad, "not a certificate");
            var ex = Assert.Throws<ArgumentException>(() => OdooHttpHandlers.LoadCertificates(bad));
            Assert.Equal("CaCertificatePath", ex.ParamName);
        }
        finally
        {
            File.Delete(path);
            File.Delete(bad);
        }
    }
}
