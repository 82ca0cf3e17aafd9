using MedCard.Protocol;
using MedCard.Settlement.Model;
using Xunit;

namespace MedCard.Settlement.Tests.Rules;

/// <summary>The ledger validates resident IDs with the one type, the protocol's; what people type is normalized first.</summary>
public sealed class ResidentIdTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the sample number from GB 11643
    [InlineData("11010519491231002x")]
    [InlineData("440524188001010014")]
    public void Numbers_with_the_right_check_character_are_valid(string id) => Assert.True(ResidentId.IsValid(ResidentId.Normalize(id)));

    [Fact]
    public void Normalizing_upper_cases_the_check_x_only()
    {
        Assert.Equal("11010519491231002X", ResidentId.Normalize("11010519491231002x"));
        Assert.Equal("440524188001010014", ResidentId.Normalize("440524188001010014"));
        Assert.False(ResidentId.IsValid("11010519491231002x")); // the canonical form only: upper-case X as on the card and the wire
        Assert.Null(ResidentId.Normalize(null!));
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("11010519491231002")]
    [InlineData("1101051949123100200")]
    [InlineData("A1010519491231002X")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_or_wrong_check_character_is_invalid(string? id) => Assert.False(ResidentId.IsValid(id));

    [Fact]
    public void Exactly_one_check_character_fits_each_17_digit_body()
    {
        const string Body = "32010219800101123";
        int valid = 0;
        foreach (char c in "0123456789X")
        {
            valid += ResidentId.IsValid(Body + c) ? 1 : 0;
        }

        Assert.Equal(1, valid);
        Assert.True(ResidentId.IsValid(Body + ResidentId.ComputeCheckCharacter(Body)));
    }
}
