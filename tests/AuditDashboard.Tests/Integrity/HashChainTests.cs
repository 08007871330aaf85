using System.Security.Cryptography;
using AuditDashboard.Core.Events;
using AuditDashboard.Core.Integrity;

namespace AuditDashboard.Tests.Integrity;

public sealed class HashChainTests
{
    private static AccessEvent Event(string id) => new()
    {
        EventId = id,
        Timestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        ReceivedAt = new DateTime(2026, 1, 1, 0, 0, 1, DateTimeKind.Utc),
        EventType = EventTypes.Logout,
        Outcome = Outcomes.Success,
        Source = "test",
    };

    [Fact]
    public void Each_hash_is_sha256_of_the_previous_hash_and_the_canonical_bytes()
    {
        var a = Event("a");
        var b = Event("b");
        var headA = HashChain.Link(a, 1, HashChain.Genesis);
        var headB = HashChain.Link(b, 2, headA);

        Assert.Equal(new byte[32], a.PrevHash);
        Assert.Equal(SHA256.HashData([.. new byte[32], .. CanonicalForm.GetBytes(a)]), headA);
        Assert.Equal(headA, b.PrevHash);
        Assert.Equal(SHA256.HashData([.. headA, .. CanonicalForm.GetBytes(b)]), headB);
    }

    [Fact]
    public void Any_change_to_a_field_seq_or_predecessor_changes_the_hash()
    {
        var e = Event("a");
        var original = HashChain.ComputeHash(HashChain.Genesis, e);
        Assert.NotEqual(original, HashChain.ComputeHash(new byte[] { 1 }.Concat(new byte[31]).ToArray(), e));
        e.Seq = 2;
        Assert.NotEqual(original, HashChain.ComputeHash(HashChain.Genesis, e));
        e.Seq = 0;
        e.Username = "";
        Assert.NotEqual(original, HashChain.ComputeHash(HashChain.Genesis, e));
    }
}
