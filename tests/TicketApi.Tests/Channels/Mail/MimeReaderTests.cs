using System.Text;
using TicketApi.Channels.Mail;
using TicketApi.Channels.Mail.Mime;

namespace TicketApi.Tests.Channels.Mail;

/// <summary>The MIME reader on byte-exact samples (RFC 5322 headers, RFC 2045-2047, RFC 2231): what the desk reads of a mail.</summary>
public sealed class MimeReaderTests
{
    private static InboundMessage Read(string text, Encoding? encoding = null) =>
        InboundMessage.Parse((encoding ?? Encoding.UTF8).GetBytes(text.ReplaceLineEndings("\r\n")));

    [Fact]
    public void Folded_headers_are_unfolded_and_encoded_words_decoded_with_the_space_between_two_words_dropped()
    {
        var mail = Read("""
            From: =?iso-8859-1?Q?Fran=E7ois?=
             =?utf-8?B?IETDqXNpcsOp?= <francois@example.fr>
            Subject: Printer
            	=?utf-8?Q?=C3=A9chou=C3=A9?= again
            Message-ID: <a@b>

            Body.
            """);

        Assert.Equal("François Désiré", mail.FromName);
        Assert.Equal("francois@example.fr", mail.FromAddress);
        Assert.Equal("Printer échoué again", mail.Subject);
        Assert.Equal("<a@b>", mail.MessageId);
        Assert.Equal("<a@b>", mail.Key);
    }

    [Fact]
    public void A_mail_without_Message_ID_is_keyed_by_a_hash_of_its_bytes()
    {
        var text = "From: a@example.com\nSubject: x\n\nbody\n";

        Assert.StartsWith("sha256:", Read(text).Key, StringComparison.Ordinal);
        Assert.Equal(Read(text).Key, Read(text).Key);
        Assert.NotEqual(Read(text).Key, Read(text + "more").Key);
    }

    [Fact]
    public void Quoted_printable_in_a_legacy_charset_is_decoded_with_soft_line_breaks_joined()
    {
        var mail = Read("""
            From: a@example.com
            Content-Type: text/plain; charset="windows-1252"
            Content-Transfer-Encoding: quoted-printable

            Caf=E9 =80 5, a long line that goes =
            on here.
            """);

        Assert.Equal("Café € 5, a long line that goes on here.", mail.Text);
    }

    [Fact]
    public void Plain_text_is_preferred_over_html_in_an_alternative_inside_a_mixed_with_a_base64_attachment_named_by_RFC_2231()
    {
        var mail = Read("""
            From: a@example.com
            Content-Type: multipart/mixed; boundary=outer

            preamble is ignored
            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            SGVsbG8sIHfDtnJsZCE=
            --inner
            Content-Type: text/html

            <p>Hello, HTML</p>
            --inner--
            --outer
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.txt
            Content-Transfer-Encoding: base64

            AAECAwQFBgcICQ==
            --outer--
            epilogue is ignored
            """);

        Assert.Equal("Hello, wörld!", mail.Text);
        Assert.Equal([new MailAttachment("résumé.txt", 10)], mail.Attachments);
    }

    [Fact]
    public void Html_is_reduced_to_text_without_scripts_styles_or_comments()
    {
        var text = HtmlText.ToText("""
            <html><head><title>t</title><style>.x{}</style></head><body>
            <script type="text/javascript">steal()</script><!-- hidden -->
            <h1>Hello&nbsp;there</h1><p>Line one<br>Line   two</p>
            <table><tr><td>a</td><td>b</td></tr></table>
            </body></html>
            """);

        Assert.Equal("Hello there\n\nLine one\nLine two\n\na b", text);
    }

    [Fact]
    public void Threading_ids_list_In_Reply_To_first_then_References_newest_first()
    {
        var mail = Read("From: a@example.com\nIn-Reply-To: <c@x>\nReferences: <a@x>\n <b@x> <c@x>\n\nbody");

        Assert.Equal(["<c@x>", "<b@x>", "<a@x>"], mail.ThreadIds);
    }

    [Fact]
    public void Broken_mail_is_read_as_far_as_it_goes_never_refused()
    {
        var mail = Read("From: not an address\nContent-Type: multipart/mixed; boundary=zzz\nContent-Transfer-Encoding: base64\n\nno delimiter ever");

        Assert.Null(mail.FromAddress);
        Assert.Equal("", mail.Text);
        var bad = Read("Subject: =?unknown-charset?Q?x?=\nContent-Transfer-Encoding: base64\n\n!!!aGk=");
        Assert.Equal("=?unknown-charset?Q?x?=", bad.Subject);
        Assert.Equal("hi", bad.Text);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied\n", "Auto-Submitted")]
    [InlineData("X-Autoreply: yes\n", "auto-reply")]
    [InlineData("Precedence: junk\n", "Precedence")]
    [InlineData("Return-Path: <>\n", "bounce")]
    public void Automatic_mail_is_told_apart_by_its_headers(string header, string reason)
    {
        var mail = Read("From: a@example.com\n" + header + "Subject: x\n\nbody");

        Assert.Contains(reason, LoopGuard.Reason(mail, []), StringComparison.Ordinal);
    }

    [Fact]
    public void A_persons_mail_with_Auto_Submitted_no_is_not_automatic_but_the_desks_own_mail_is()
    {
        var mail = Read("From: Help <HELP@desk.example>\nAuto-Submitted: no\nSubject: x\n\nbody");

        Assert.Null(LoopGuard.Reason(mail, []));
        Assert.Equal("the desk's own mail", LoopGuard.Reason(mail, ["help@desk.example"]));
    }

    [Fact]
    public void Attachment_sizes_read_as_a_person_would_say_them()
    {
        Assert.Equal("48 bytes", MailImporter.Size(48));
        Assert.Equal("12.1 KB", MailImporter.Size(12_390));
        Assert.Equal("4.5 MB", MailImporter.Size(4_718_592));
    }
}
