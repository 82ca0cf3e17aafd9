using System;
using System.Linq;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Statements;
using Xunit;

namespace MedCard.Settlement.Tests.Rules;

public sealed class PinAndCodesTests
{
    [Fact]
    public void Pin_hash_is_salted_verifies_only_the_right_digits_and_never_prints_them()
    {
        var hasher = new PinHasher(2000);
        using var pin = new PinDigits([3, 1, 4, 1, 5, 9]);
        using var other = new PinDigits([3, 1, 4, 1, 5, 8]);
        PinCredential a = hasher.Hash(pin);
        PinCredential b = hasher.Hash(pin);

        Assert.NotEqual(a.Salt, b.Salt);
        Assert.NotEqual(a.Hash, b.Hash);
        Assert.True(PinHasher.Verify(a, pin));
        Assert.False(PinHasher.Verify(a, other));
        Assert.Equal(2000, a.Iterations);
        Assert.DoesNotContain("314159", pin.ToString() + a.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(a.Hash), a.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pin_digits_reject_non_digits_and_bad_lengths_and_are_wiped_on_dispose()
    {
        Assert.Throws<ArgumentException>(() => new PinDigits([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => new PinDigits([1, 2, 3, 10]));
        var pin = new PinDigits([9, 9, 9, 9]);
        pin.Dispose();
        Assert.True(pin.Digits.ToArray().All(d => d == 0));
    }

    [Fact]
    public void Every_reason_code_has_a_distinct_stable_key_and_a_message()
    {
        ReasonCode[] codes = Enum.GetValues<ReasonCode>();
        string[] keys = codes.Select(ReasonCodes.Key).ToArray();
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.DoesNotContain("unknown", keys);
        Assert.All(codes, c => Assert.False(string.IsNullOrWhiteSpace(ReasonCodes.DefaultMessage(c))));
        Assert.Equal(102, (int)ReasonCode.CardReportedLost);
        Assert.Equal("card.unprinted_limit", ReasonCodes.Key(ReasonCode.UnprintedRecordLimit));
    }

    [Fact]
    public void A_wrong_pin_refusal_says_how_many_tries_are_left_and_the_last_one_blocks()
    {
        Assert.Contains("2 tries left", Refusal.WrongPin(2).Message, StringComparison.Ordinal);
        Assert.Contains("1 try left", Refusal.WrongPin(1).Message, StringComparison.Ordinal);
        Assert.Equal(ReasonCode.PinBlocked, Refusal.WrongPin(0).Code);
    }

    [Fact]
    public void Requests_carrying_a_pin_never_print_it()
    {
        using var pin = new PinDigits([8, 6, 4, 2, 0, 7]);
        var tx = new VerifiedTransaction(1, 2, [1, 2, 3, 4], "C1", 100, DateTimeOffset.UnixEpoch);
        string text = new MedCard.Settlement.Services.SettlementRequest(tx, [], "H", VisitType.Outpatient, pin).ToString()
            + new MedCard.Settlement.Services.Enrolment("X", "N", Gender.Male, "E", "C1", [1], pin).ToString()
            + new MedCard.Settlement.Services.CardReplacement("C1", "X", "C2", [2], pin, DateTimeOffset.UnixEpoch).ToString();
        Assert.DoesNotContain("864207", text, StringComparison.Ordinal);
        Assert.DoesNotContain("8, 6, 4", text, StringComparison.Ordinal);
        Assert.Contains("PinDigits(****)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_mask_the_resident_id()
    {
        Assert.Equal("110105**********2X", Statement.Mask("11010519491231002X"));
    }
}
