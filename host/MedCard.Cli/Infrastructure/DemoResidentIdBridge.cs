namespace MedCard.Settlement.Model;

/// <summary>
/// TEMPORARY bridge, internal to the medcard tool: the ledger no longer has a resident-ID type of its own (the one type
/// is <see cref="MedCard.Protocol.ResidentId"/>), but host/MedCard.Cli/Demo/DemoPerson.cs, which another branch owns,
/// still names <c>MedCard.Settlement.Model.ResidentId</c>. Delete this file once that line names
/// <c>MedCard.Protocol.ResidentId</c>. Internal, so nothing outside the tool sees a second type.
/// </summary>
internal static class ResidentId
{
    public static char ComputeCheckCharacter(string first17Digits) => MedCard.Protocol.ResidentId.ComputeCheckCharacter(first17Digits);
}
