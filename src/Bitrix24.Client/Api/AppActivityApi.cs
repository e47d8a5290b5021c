using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bitrix24.Client.Errors;
using Bitrix24.Client.Models;
using Bitrix24.Client.Operations;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>
    /// The four methods robots (<see cref="RobotsApi"/>) and activities (<see cref="ActivitiesApi"/>) share —
    /// add, update, list, delete — as application-only operations. One instance per kind; the kinds differ only
    /// in their method names and the model a listed code becomes.
    /// </summary>
    public sealed class AppActivityApi
    {
        private static readonly Regex CodePattern = new Regex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant);

        private readonly Func<string, AppActivity> model;

        internal AppActivityApi(string noun, string prefix, Func<string, AppActivity> model)
        {
            Noun = noun;
            AddMethod = prefix + ".add";
            UpdateMethod = prefix + ".update";
            ListMethod = prefix + ".list";
            DeleteMethod = prefix + ".delete";
            this.model = model;
        }

        /// <summary>"robot" or "activity", for messages.</summary>
        public string Noun { get; }
        public string AddMethod { get; }
        public string UpdateMethod { get; }
        public string ListMethod { get; }
        public string DeleteMethod { get; }

        /// <summary>The allowed characters of a code (a-z, A-Z, 0-9, '.', '-', '_'), as a regular expression.</summary>
        public const string CodeRule = "^[A-Za-z0-9._-]+$";

        /// <summary>Registers one; the fields are validated first (HANDLER and NAME required).</summary>
        public B24Operation<bool> Add(string code, AppActivityFields fields)
        {
            if (fields is null)
                throw new ArgumentNullException(nameof(fields));
            fields.Validate(complete: true);
            var parameters = new ParameterSet().Set("CODE", Code(code)).Merge(fields.ToParameters().ToDictionary());
            return B24Operation.Write(AddMethod, parameters).ApplicationOnly();
        }

        /// <summary>Changes the given fields only (FIELDS); at least one is needed.</summary>
        public B24Operation<bool> Update(string code, AppActivityFields fields)
        {
            if (fields is null)
                throw new ArgumentNullException(nameof(fields));
            if (fields.IsEmpty)
                throw new ArgumentException("Nothing to change: give at least one field of the " + Noun + ".");
            fields.Validate(complete: false);
            var parameters = new ParameterSet().Set("CODE", Code(code)).Set("FIELDS", fields.ToParameters());
            return B24Operation.Write(UpdateMethod, parameters).ApplicationOnly();
        }

        /// <summary>The application's codes of this kind (the list is not paged).</summary>
        public B24Operation<IReadOnlyList<AppActivity>> List()
            => B24Operation.Read(ListMethod, new ParameterSet(), ReadCodes).ApplicationOnly();

        public B24Operation<bool> Delete(string code)
            => B24Operation.Write(DeleteMethod, new ParameterSet().Set("CODE", Code(code))).ApplicationOnly();

        /// <summary>The output object for a code (B24Robot or B24Activity).</summary>
        public AppActivity Model(string code) => model(code);

        /// <summary>A code the portal would take; throws ArgumentException otherwise.</summary>
        public string Code(string code)
        {
            if (string.IsNullOrEmpty(code))
                throw new ArgumentException("A " + Noun + " needs a code.");
            if (!CodePattern.IsMatch(code))
                throw new ArgumentException("'" + code + "' is not a valid " + Noun + " code: use only a-z, A-Z, 0-9, '.', '-' and '_'.");
            return code;
        }

        private IReadOnlyList<AppActivity> ReadCodes(B24Response response)
        {
            if (response.Result.ValueKind != JsonValueKind.Array)
                throw new B24Exception(B24ErrorCodes.UnexpectedAnswer, "The portal did not return a list of codes.", null, ListMethod);
            return response.Result.EnumerateArray().Select(code => model(code.ValueKind == JsonValueKind.String ? code.GetString()! : code.GetRawText())).ToList();
        }
    }

    /// <summary>bizproc.robot.* (automation rules of an application); application context only.</summary>
    public static class RobotsApi
    {
        public const string AddMethod = "bizproc.robot.add";
        public const string UpdateMethod = "bizproc.robot.update";
        public const string ListMethod = "bizproc.robot.list";
        public const string DeleteMethod = "bizproc.robot.delete";

        public static AppActivityApi Api { get; } = new AppActivityApi("robot", "bizproc.robot", code => new B24Robot(code));
    }

    /// <summary>bizproc.activity.* (workflow designer actions of an application); application context only.</summary>
    public static class ActivitiesApi
    {
        public const string AddMethod = "bizproc.activity.add";
        public const string UpdateMethod = "bizproc.activity.update";
        public const string ListMethod = "bizproc.activity.list";
        public const string DeleteMethod = "bizproc.activity.delete";

        public static AppActivityApi Api { get; } = new AppActivityApi("activity", "bizproc.activity", code => new B24Activity(code));
    }
}
