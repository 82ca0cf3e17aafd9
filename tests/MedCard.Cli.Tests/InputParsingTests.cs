using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>The hand-written parsers behind every amount, percentage and bill item.</summary>
public sealed class InputParsingTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("12", 1200)]
    [InlineData("12.5", 1250)]
    [InlineData("12.50", 1250)]
    [InlineData(" 96.05 ", 9605)]
    [InlineData("10000000000", 1_000_000_000_000)]
    public void Yuan_amounts_become_exact_fen(string text, long fen)
    {
        Assert.True(Money.TryParseYuan(text, out long parsed));
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.234")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1,5")]
    [InlineData("1e3")]
    [InlineData("10000000000.01")]
    [InlineData("99999999999999")]
    public void Malformed_or_huge_amounts_are_rejected(string text)
    {
        Assert.False(Money.TryParseYuan(text, out _));
    }

    [Theory]
    [InlineData("30", 3000)]
    [InlineData("12.5%", 1250)]
    [InlineData("100", 10000)]
    [InlineData("0", 0)]
    public void Percentages_become_basis_points(string text, int basisPoints)
    {
        Assert.Equal(basisPoints, Inputs.BasisPoints(text, "--copay"));
    }

    [Fact]
    public void Bill_items_carry_class_and_ratio()
    {
        BillItem partly = BillReader.ParseItem("AMOXI:96.50:partly:10");
        Assert.Equal(ItemClass.PartlySelfPaid, partly.Class);
        Assert.Equal(9650, partly.Amount);
        Assert.Equal(1000, partly.SelfPaidBasisPoints);
        Assert.Equal(ItemClass.FullySelfPaid, BillReader.ParseItem("VITC:35:self").Class);
        Assert.Equal(ItemClass.Covered, BillReader.ParseItem("CONSULT:25").Class);
    }

    [Fact]
    public void Pin_digits_are_values_and_the_error_never_holds_the_pin()
    {
        using PinDigits pin = Inputs.Pin("0459");
        Assert.Equal(4, pin.Length);
        CliException e = Assert.ThrowsAny<CliException>(() => Inputs.Pin("12a4567"));
        Assert.DoesNotContain("12a4567", e.Message + e.Hint);
    }
}
