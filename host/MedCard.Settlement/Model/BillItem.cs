using System;

namespace MedCard.Settlement.Model;

/// <summary>One line of a bill.</summary>
/// <param name="SelfPaidBasisPoints">For <see cref="ItemClass.PartlySelfPaid"/> only: the share the holder pays first.</param>
public sealed record BillItem(string Code, string Description, ItemClass Class, long Amount, int SelfPaidBasisPoints = 0)
{
    internal bool IsValid(out string reason)
    {
        if (Amount <= 0)
        {
            reason = "item " + Code + " has a non-positive amount";
            return false;
        }

        if (!Enum.IsDefined(Class))
        {
            reason = "item " + Code + " has an unknown class";
            return false;
        }

        if (Class == ItemClass.PartlySelfPaid ? SelfPaidBasisPoints is < 0 or > 10000 : SelfPaidBasisPoints != 0)
        {
            reason = "item " + Code + " has a self-paid ratio that does not fit its class";
            return false;
        }

        reason = string.Empty;
        return true;
    }
}
