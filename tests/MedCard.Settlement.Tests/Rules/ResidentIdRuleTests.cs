using System;
using MedCard.Protocol;
using MedCard.Settlement.Rules;
using Xunit;

namespace MedCard.Settlement.Tests.Rules;

/// <summary>The ledger's full resident-ID check: the check character and a real, past birth date.</summary>
public sealed class ResidentIdRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static string WithCheck(string first17) => first17 + ResidentId.ComputeCheckCharacter(first17);

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643's sample: born 31 December 1949
    [InlineData("440524188001010014")] // born 1 January 1880: too early for the rule
    public void The_birth_date_is_read_from_characters_7_to_14(string id)
    {
        Assert.True(ResidentIdRule.TryGetBirthDate(id, out DateOnly birth));
        Assert.Equal(int.Parse(id.Substring(6, 4), System.Globalization.CultureInfo.InvariantCulture), birth.Year);
        Assert.Equal(int.Parse(id.Substring(10, 2), System.Globalization.CultureInfo.InvariantCulture), birth.Month);
        Assert.Equal(int.Parse(id.Substring(12, 2), System.Globalization.CultureInfo.InvariantCulture), birth.Day);
    }

    [Theory]
    [InlineData("110101198002310012", "no real birth date")] // 31 February
    [InlineData("110101198013010012", "no real birth date")] // month 13
    [InlineData("110101190002290012", "no real birth date")] // 1900 was not a leap year
    [InlineData("110101203001010012", "in the future")]
    [InlineData("110101202612070012", "in the future")] // tomorrow
    [InlineData("110101189912310012", "before 1900")]
    public void A_right_check_character_with_an_impossible_birth_date_is_refused(string body, string why)
    {
        string id = WithCheck(body[..17]);
        Assert.True(ResidentId.IsValid(id)); // the check character alone would let it through
        string? problem = ResidentIdRule.Problem(id, Today);
        Assert.NotNull(problem);
        Assert.Contains(why, problem, StringComparison.Ordinal);
        Assert.False(ResidentIdRule.IsValid(id, Today));
    }

    [Theory]
    [InlineData("11010120000229001")] // a leap day
    [InlineData("11010120261206001")] // born today
    [InlineData("11010119000101001")] // the earliest accepted
    public void Real_past_birth_dates_pass(string first17) => Assert.Null(ResidentIdRule.Problem(WithCheck(first17), Today));

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("11010519491231002x")] // not canonical
    [InlineData("1101051949123100")]
    [InlineData(null)]
    public void Malformed_ids_are_refused_before_the_date_is_looked_at(string? id)
    {
        Assert.NotNull(ResidentIdRule.Problem(id, Today));
        Assert.False(ResidentIdRule.IsValid(id, Today));
    }
}
