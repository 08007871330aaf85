using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Hosting;

public static class ValidatedOptions
{
    /// <summary>Binds a section and validates it on start, reporting every problem at once.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this WebApplicationBuilder builder, string section, Func<T, IEnumerable<string>> validate)
        where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(new AllErrors<T>(validate));
        return builder.Services.AddOptions<T>().Bind(builder.Configuration.GetSection(section)).ValidateOnStart();
    }

    private sealed class AllErrors<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = validate(options).ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
