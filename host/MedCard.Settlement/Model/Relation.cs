namespace MedCard.Settlement.Model;

/// <summary>Relation of the beneficiary to the account owner in a family co-use binding.</summary>
public enum Relation
{
    Spouse = 1,
    Parent = 2,
    Child = 3,
    Sibling = 4,
    Grandparent = 5,
    Grandchild = 6,
}
