using System.Collections;

namespace nanoFramework.TestFramework
{
    public class CollectionAssert
    {
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string difference = FirstDifference(expected, actual);
            if (difference != null) Check.Fail("CollectionAssert.AreEqual", difference, message);
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (FirstDifference(notExpected, actual) == null) Check.Fail("CollectionAssert.AreNotEqual", "collections are equal", message);
        }

        public static void Empty(ICollection collection, string message = "")
        {
            if (collection == null || collection.Count != 0) Check.Fail("CollectionAssert.Empty", "collection is not empty", message);
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            if (collection == null || collection.Count == 0) Check.Fail("CollectionAssert.NotEmpty", "collection is empty", message);
        }

        private static string FirstDifference(ICollection a, ICollection b)
        {
            if (ReferenceEquals(a, b)) return null;
            if (a == null || b == null) return "one collection is null";
            if (a.Count != b.Count) return "lengths differ: " + a.Count + " vs " + b.Count;
            IEnumerator ea = a.GetEnumerator();
            IEnumerator eb = b.GetEnumerator();
            int index = 0;
            while (ea.MoveNext() && eb.MoveNext())
            {
                if (!Equals(ea.Current, eb.Current)) return "element " + index + " differs: <" + ea.Current + "> vs <" + eb.Current + ">";
                index++;
            }
            return null;
        }
    }
}
