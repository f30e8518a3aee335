using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TicketApi.Tests.Channels.Mail.Infrastructure;

/// <summary>
/// Certificates made at test time (.NET's CertificateRequest, nothing checked in, nothing in the system's trust
/// store): a private CA, a server certificate it signed for the name <c>localhost</c> only (so dialling
/// <c>127.0.0.1</c> is a name mismatch), and a second CA that signed nothing the server shows (a stranger).
/// Written as PEM files, as Dovecot and <c>IMAP_CA_FILE</c> read them.
/// </summary>
public sealed record TestCertificates(string CaFile, string StrangerCaFile, string ServerCertificateFile, string ServerKeyFile)
{
    public const string ServerName = "localhost";

    public static TestCertificates WriteTo(string folder)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = Authority("CN=AgentTickets Test Mail CA", caKey, now);
        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var stranger = Authority("CN=Some Other CA", strangerKey, now);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + ServerName, serverKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)); // serverAuth
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(ServerName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var server = request.Create(ca, now.AddMinutes(-5), now.AddDays(2), RandomNumberGenerator.GetBytes(16));

        var certificates = new TestCertificates(
            Path.Combine(folder, "ca.pem"), Path.Combine(folder, "stranger-ca.pem"), Path.Combine(folder, "server.pem"), Path.Combine(folder, "server.key"));
        File.WriteAllText(certificates.CaFile, ca.ExportCertificatePem() + "\n");
        File.WriteAllText(certificates.StrangerCaFile, stranger.ExportCertificatePem() + "\n");
        // The server shows its chain, as servers do: so a client without the CA sees why it stops (UntrustedRoot).
        File.WriteAllText(certificates.ServerCertificateFile, server.ExportCertificatePem() + "\n" + ca.ExportCertificatePem() + "\n");
        File.WriteAllText(certificates.ServerKeyFile, serverKey.ExportPkcs8PrivateKeyPem() + "\n");
        return certificates;
    }

    private static X509Certificate2 Authority(string subject, ECDsa key, DateTimeOffset now)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));
    }
}
