using System;
using System.Reflection;
using System.Reflection.Emit;

namespace nanoFramework.TestFramework.DesktopRunner
{
    /// <summary>
    /// Calls a method the way nanoCLR's <c>MethodBase.Invoke(null, args)</c> does: the launcher passes a null target and
    /// nanoCLR makes the call as is, without checking it (nanoframework/nf-interpreter,
    /// src/CLR/CorLib/corlib_native_System_Reflection_MethodBase.cpp, Invoke: <c>stack.MakeCall(md, &amp;obj, args, numArgs)</c>).
    /// So an instance method runs with <c>this == null</c>: no constructor or field initializer ever runs, and touching
    /// instance state throws NullReferenceException. Desktop reflection refuses a null target (TargetException), so
    /// instance methods are called through a small dynamic method that loads null and uses <c>call</c>, which, unlike
    /// C#'s <c>callvirt</c>, does not check the target. Static methods go through reflection as before.
    /// </summary>
    public static class NullTargetInvoker
    {
        /// <summary>Exceptions of the method itself propagate unwrapped (no TargetInvocationException), as on the device.</summary>
        public static void Invoke(MethodInfo method, object[] arguments)
        {
            ParameterInfo[] parameters = method.GetParameters();
            int given = arguments == null ? 0 : arguments.Length;
            if (given != parameters.Length)
            {
                throw new TargetParameterCountException("'" + method.Name + "' takes " + parameters.Length + " argument(s), the DataRow gives " + given);
            }

            if (method.IsStatic)
            {
                try
                {
                    method.Invoke(null, arguments);
                }
                catch (TargetInvocationException wrapped) when (wrapped.InnerException != null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(wrapped.InnerException).Throw();
                }

                return;
            }

            var call = new DynamicMethod("NullTarget_" + method.Name, typeof(void), new[] { typeof(object[]) }, method.Module, skipVisibility: true);
            ILGenerator il = call.GetILGenerator();
            il.Emit(OpCodes.Ldnull);
            for (int i = 0; i < parameters.Length; i++)
            {
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldelem_Ref);
                Type type = parameters[i].ParameterType;
                il.Emit(type.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, type);
            }

            il.Emit(OpCodes.Call, method);
            if (method.ReturnType != typeof(void))
            {
                il.Emit(OpCodes.Pop);
            }

            il.Emit(OpCodes.Ret);
            ((Action<object[]>)call.CreateDelegate(typeof(Action<object[]>)))(arguments);
        }
    }
}
