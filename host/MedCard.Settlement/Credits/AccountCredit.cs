namespace MedCard.Settlement.Credits;

/// <summary>One line of a credit file: credit <paramref name="Amount"/> fen to the personal account of
/// <paramref name="ResidentId"/>. <paramref name="Line"/> is the line number in the file (for errors), unique within a run.</summary>
public sealed record AccountCredit(int Line, string ResidentId, long Amount);
