namespace MedCard.Settlement.Model;

/// <summary>Relation of the beneficiary to the account owner in a family co-use binding.</summary>
public enum Relation
{
    /// <summary>The account owner's spouse.</summary>
    Spouse = 1,
    /// <summary>The account owner's parent.</summary>
    Parent = 2,
    /// <summary>The account owner's child.</summary>
    Child = 3,
    /// <summary>The account owner's sibling.</summary>
    Sibling = 4,
    /// <summary>The account owner's grandparent.</summary>
    Grandparent = 5,
    /// <summary>The account owner's grandchild.</summary>
    Grandchild = 6,
}
