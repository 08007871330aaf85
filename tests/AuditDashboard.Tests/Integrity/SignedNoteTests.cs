using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;

namespace AuditDashboard.Tests.Integrity;

/// <summary>C2SP signed notes, verifier keys, checkpoints and cosignatures, by the specifications' rules.</summary>
public sealed class SignedNoteTests
{
    private const string Text = "audit.acme.example/oidc\n836\n5s3kW4EbdxpWamh+Yn4NRZwLCI+iTWyOfeyU+vUy/+8=\n";

    [Fact]
    public void A_signed_note_round_trips_and_verifies_only_under_its_own_key()
    {
        using var signer = NoteSigner.Generate("audit.acme.example/oidc");
        using var other = NoteSigner.Generate("audit.acme.example/oidc");
        var note = SignedNote.Parse(SignedNote.Sign(Text, signer).ToString());

        Assert.Equal(Text, note.Text);
        Assert.True(note.IsSignedBy(NoteVerifier.Parse(signer.VerifierKey)));
        Assert.False(note.IsSignedBy(NoteVerifier.Parse(other.VerifierKey)));
        var changed = SignedNote.Parse(note.ToString().Replace("\n836\n", "\n837\n"));
        Assert.False(changed.IsSignedBy(NoteVerifier.Parse(signer.VerifierKey)));
    }

    [Fact]
    public void The_private_key_text_reloads_to_the_same_key_and_has_the_go_form()
    {
        using var signer = NoteSigner.Generate("audit.acme.example/oidc");
        var text = signer.PrivateKeyText();
        Assert.StartsWith($"PRIVATE+KEY+audit.acme.example/oidc+{signer.KeyId:x8}+", text);
        using var again = NoteSigner.Parse(text);
        Assert.Equal(signer.VerifierKey, again.VerifierKey);
        Assert.Matches("^audit\\.acme\\.example/oidc\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}$", signer.VerifierKey);
    }

    [Theory]
    [InlineData("audit.acme.example/oidc+00000000+AfDArUTEK7gtOxI0skw2kBdNdsEKKJGZwrxz9bvqTev+", "does not match")]
    [InlineData("audit.acme.example/oidc+84cb5661", "three parts")]
    [InlineData("audit.acme.example/oidc+84cb5661+AfDA", "not an Ed25519")]
    [InlineData("audit.acme.example/oidc+84cb5661+!!!", "not base64")]
    [InlineData("bad name+84cb5661+AfDArUTEK7gtOxI0skw2kBdNdsEKKJGZwrxz9bvqTev+", "no spaces")]
    public void A_bad_verifier_key_is_refused_naming_the_problem(string key, string problem)
    {
        var ex = Assert.Throws<FormatException>(() => NoteVerifier.Parse(key));
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void A_real_verifier_key_parses()
    {
        var key = NoteVerifier.Parse("audit.acme.example/oidc+84cb5661+AfDArUTEK7gtOxI0skw2kBdNdsEKKJGZwrxz9bvqTev+");
        Assert.Equal(0x84cb5661u, key.KeyId);
        Assert.Equal(NoteKeys.Ed25519, key.Type);
    }

    [Theory]
    [InlineData("no blank line\n— a AAAAAAA=\n", "blank line")]
    [InlineData("text\n\n- a AAAAAAAA\n", "em dash")]
    [InlineData("text\n\n— a AAAAAAAA", "newline")]
    [InlineData("text\n\n— a AAAA\n", "too short")]
    [InlineData("te\u0007xt\n\n— a AAAAAAAA\n", "control")]
    [InlineData("text\n\n", "at least one signature")]
    public void A_malformed_note_is_refused_naming_the_problem(string note, string problem)
    {
        var ex = Assert.Throws<FormatException>(() => SignedNote.Parse(note));
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void A_checkpoint_body_round_trips_with_its_time_line()
    {
        var root = new byte[32];
        root[0] = 7;
        var time = new DateTime(2026, 12, 1, 21, 0, 0, DateTimeKind.Utc);
        var text = new Checkpoint("audit.acme.example/oidc", 1234, root, time).Text();
        Assert.Equal($"audit.acme.example/oidc\n1234\n{Convert.ToBase64String(root)}\ntime 2026-12-01T21:00:00Z\n", text);
        var parsed = Checkpoint.Parse(text);
        Assert.Equal((1234L, time), (parsed.Size, parsed.Time));
        Assert.Equal(root, parsed.Root);
        Assert.Contains("leading zeroes", Assert.Throws<FormatException>(() => Checkpoint.Parse("o\n0012\n" + Convert.ToBase64String(root) + "\n")).Message);
        Assert.Contains("SHA-256", Assert.Throws<FormatException>(() => Checkpoint.Parse("o\n12\nAAAA\n")).Message);
    }

    [Fact]
    public void A_cosignature_verifies_with_its_time_and_not_on_another_checkpoint()
    {
        using var log = NoteSigner.Generate("audit.acme.example/oidc");
        using var witness = NoteSigner.Generate("witness.example/w1", NoteKeys.Cosignature);
        var note = SignedNote.Sign(Text, log);
        var at = new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero);
        var cosigned = SignedNote.Parse(note.With(Cosignatures.Sign(note, witness, at)).ToString());

        var verifier = NoteVerifier.Parse(witness.VerifierKey);
        Assert.Equal(NoteKeys.Cosignature, verifier.Type);
        Assert.Equal(at, Cosignatures.Verify(cosigned, verifier));
        Assert.True(cosigned.IsSignedBy(NoteVerifier.Parse(log.VerifierKey)));
        var other = SignedNote.Sign(Text.Replace("836", "837"), log);
        var moved = new SignedNote(other.Text, [.. other.Signatures, cosigned.Signatures[1]]);
        Assert.Null(Cosignatures.Verify(moved, verifier));
    }

    [Theory]
    [InlineData(0, 0, new[] { 0 })]
    [InlineData(5, 0, new[] { 0 })]
    [InlineData(1234067, 0, new[] { 0 })]
    public void Tile_paths_follow_tlog_tiles(long index, int level, int[] _)
    {
        var path = TilePaths.Tile(level, index, 256);
        Assert.Equal(index switch { 0 => "tile/0/000", 5 => "tile/0/005", _ => "tile/0/x001/x234/067" }, path);
        Assert.Equal("tile/1/x001/000.p/17", TilePaths.Tile(1, 1000, 17));
    }
}
