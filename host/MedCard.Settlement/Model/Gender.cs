namespace MedCard.Settlement.Model;

public enum Gender
{
    Unspecified = 0,
    Female = 1,
    Male = 2,
}
