using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    public static class Helper
    {
        /// <summary>Drops the TestMethod attribute from a method's attributes when DataRows are present.</summary>
        public static object[] RemoveTestMethodIfDataRowExists(object[] attribs)
        {
            bool hasRow = false;
            foreach (object a in attribs)
            {
                if (a is DataRowAttribute) hasRow = true;
            }
            if (!hasRow) return attribs;
            var kept = new ArrayList();
            foreach (object a in attribs)
            {
                if (!(a is TestMethodAttribute)) kept.Add(a);
            }
            return kept.ToArray();
        }
    }

    public static class TestExtensions
    {
        public static bool SequenceEqual(this Array a, Array b)
        {
            if (ReferenceEquals(a, b)) return true;
            if (a == null || b == null || a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (!Equals(a.GetValue(i), b.GetValue(i))) return false;
            }
            return true;
        }
    }
}
