using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace TicketApi.Channels.Mail.Imap;

/// <summary>
/// How the mailbox's TLS checks the server (docs/channels.md, "TLS"): the chain up to a trusted root (the system's,
/// or only those of <c>IMAP_CA_FILE</c>) and the name the client dialled, as the platform validates them; nothing is
/// ever accepted that the platform refuses. It only remembers why a certificate was refused, so the status board can
/// say it in words (whose certificate, for which names, issued by whom) instead of a bare handshake failure.
/// </summary>
public sealed class ServerCertificateCheck(string host, X509Certificate2Collection? trustedRoots)
{
    /// <summary>Why the last handshake refused the server's certificate; null when none was refused.</summary>
    public string? Refusal { get; private set; }

    public SslClientAuthenticationOptions Options()
    {
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            RemoteCertificateValidationCallback = Validate,
        };
        if (trustedRoots is not null)
        {
            // CustomRootTrust: only these roots count, the system's are not consulted. A private CA seldom publishes a
            // revocation list, and SslStream's own default is NoCheck, so revocation is not checked here either.
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.AddRange(trustedRoots);
            options.CertificateChainPolicy = policy;
        }
        return options;
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        Refusal = Describe(certificate, chain, errors);
        return false;
    }

    private string Describe(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the server sent no certificate.";
        }
        var reasons = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var statuses = chain?.ChainStatus.Select(s => s.Status).Distinct().ToList() ?? [];
            var reason = $"its certificate ({certificate.Subject}, issued by {certificate.Issuer}) is not trusted ({string.Join(", ", statuses)})";
            // Only an unknown issuer is a matter of trust roots; an expired or revoked certificate needs the server fixed.
            if (statuses.Contains(X509ChainStatusFlags.UntrustedRoot) || statuses.Contains(X509ChainStatusFlags.PartialChain))
            {
                reason += trustedRoots is null
                    ? "; a certificate from a private CA is trusted by naming the CA's PEM file in IMAP_CA_FILE"
                    : "; it does not lead to a certificate of IMAP_CA_FILE";
            }
            reasons.Add(reason);
        }
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            reasons.Add($"its certificate is for {Names(certificate)}, not for '{host}' (RemoteCertificateNameMismatch)");
        }
        return string.Join("; ", reasons) + ".";
    }

    /// <summary>The names a certificate is valid for: its subject alternative names, else its subject.</summary>
    private static string Names(X509Certificate certificate)
    {
        if (certificate is not X509Certificate2 full)
        {
            return certificate.Subject;
        }
        var alternative = full.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var names = alternative is null
            ? [full.GetNameInfo(X509NameType.DnsName, forIssuer: false)]
            : alternative.EnumerateDnsNames().Concat(alternative.EnumerateIPAddresses().Select(ip => ip.ToString())).ToList();
        return string.Join(", ", names.Select(n => $"'{n}'"));
    }
}
