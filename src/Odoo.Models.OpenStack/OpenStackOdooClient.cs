namespace Odoo.Models.OpenStack;

/// <summary>
/// A connection to an Odoo database with the OpenStack integration, exposing one manager per model
/// (<see cref="ReferralCodes"/>, <see cref="CreditTypes"/>, <see cref="Partners"/>...) and the current user.
/// A thin wrapper over <see cref="OdooClient"/>: managers are created on first use and shared by
/// every wrapper of the same client; safe to share across threads.
/// </summary>
/// <example><code>
/// await using var odoo = await OpenStackOdooClient.ConnectAsync(options, ct);
/// ReferralCode code = await odoo.ReferralCodes.GetAsync(1234, cancellationToken: ct);
/// CreditType type = await code.LoadReferralCreditTypeAsync(ct);
/// </code></example>
public sealed class OpenStackOdooClient : IAsyncDisposable
{
    private OpenStackOdooClient(OdooClient client) => Client = client;

    /// <summary>Connects to Odoo (see <see cref="OdooClient.ConnectAsync"/>) and wraps the client.</summary>
    /// <param name="options">Where and as whom to connect.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected client; dispose it when done.</returns>
    public static async Task<OpenStackOdooClient> ConnectAsync(OdooClientOptions options, CancellationToken cancellationToken = default) =>
        new(await OdooClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false));

    /// <summary>Wraps a client that is already connected (no request is made). Disposing the wrapper disposes the client.</summary>
    /// <param name="client">The client.</param>
    public static OpenStackOdooClient FromClient(OdooClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(client);
    }

    /// <summary>The underlying client, for raw calls and for managers of other models.</summary>
    public OdooClient Client { get; }

    /// <summary>The id of the logged-in user (no request).</summary>
    public int UserId => Client.UserId;

    /// <summary>
    /// Reads the logged-in user. Like the Python client's <c>user</c>, every call makes one
    /// <c>read</c> (nothing is cached), so the answer reflects changes made since.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<User> GetUserAsync(CancellationToken cancellationToken = default) =>
        Users.GetAsync(UserId, cancellationToken: cancellationToken);

    /// <summary>The <c>account.move</c> records (<see cref="AccountMove"/>).</summary>
    public AccountMoveManager AccountMoves => Client.GetManager(static c => new AccountMoveManager(c));

    /// <summary>The <c>account.move.line</c> records (<see cref="AccountMoveLine"/>).</summary>
    public AccountMoveLineManager AccountMoveLines => Client.GetManager(static c => new AccountMoveLineManager(c));

    /// <summary>The <c>ir.attachment</c> records (<see cref="Attachment"/>).</summary>
    public AttachmentManager Attachments => Client.GetManager(static c => new AttachmentManager(c));

    /// <summary>The <c>res.company</c> records (<see cref="Company"/>).</summary>
    public CompanyManager Companies => Client.GetManager(static c => new CompanyManager(c));

    /// <summary>The <c>openstack.credit</c> records (<see cref="Credit"/>).</summary>
    public CreditManager Credits => Client.GetManager(static c => new CreditManager(c));

    /// <summary>The <c>openstack.credit.transaction</c> records (<see cref="CreditTransaction"/>).</summary>
    public CreditTransactionManager CreditTransactions => Client.GetManager(static c => new CreditTransactionManager(c));

    /// <summary>The <c>openstack.credit.type</c> records (<see cref="CreditType"/>).</summary>
    public CreditTypeManager CreditTypes => Client.GetManager(static c => new CreditTypeManager(c));

    /// <summary>The <c>res.currency</c> records (<see cref="Currency"/>).</summary>
    public CurrencyManager Currencies => Client.GetManager(static c => new CurrencyManager(c));

    /// <summary>The <c>openstack.customer_group</c> records (<see cref="CustomerGroup"/>).</summary>
    public CustomerGroupManager CustomerGroups => Client.GetManager(static c => new CustomerGroupManager(c));

    /// <summary>The <c>account.fiscal.position</c> records (<see cref="FiscalPosition"/>).</summary>
    public FiscalPositionManager FiscalPositions => Client.GetManager(static c => new FiscalPositionManager(c));

    /// <summary>The <c>account.fiscal.position.tax</c> records (<see cref="FiscalPositionTaxMapping"/>).</summary>
    public FiscalPositionTaxMappingManager FiscalPositionTaxMappings => Client.GetManager(static c => new FiscalPositionTaxMappingManager(c));

    /// <summary>The <c>openstack.grant</c> records (<see cref="Grant"/>).</summary>
    public GrantManager Grants => Client.GetManager(static c => new GrantManager(c));

    /// <summary>The <c>openstack.grant.type</c> records (<see cref="GrantType"/>).</summary>
    public GrantTypeManager GrantTypes => Client.GetManager(static c => new GrantTypeManager(c));

    /// <summary>The <c>res.partner</c> records (<see cref="Partner"/>).</summary>
    public PartnerManager Partners => Client.GetManager(static c => new PartnerManager(c));

    /// <summary>The <c>res.partner.category</c> records (<see cref="PartnerCategory"/>).</summary>
    public PartnerCategoryManager PartnerCategories => Client.GetManager(static c => new PartnerCategoryManager(c));

    /// <summary>The <c>product.pricelist</c> records (<see cref="Pricelist"/>).</summary>
    public PricelistManager Pricelists => Client.GetManager(static c => new PricelistManager(c));

    /// <summary>The <c>product.product</c> records (<see cref="Product"/>).</summary>
    public ProductManager Products => Client.GetManager(static c => new ProductManager(c));

    /// <summary>The <c>product.category</c> records (<see cref="ProductCategory"/>).</summary>
    public ProductCategoryManager ProductCategories => Client.GetManager(static c => new ProductCategoryManager(c));

    /// <summary>The <c>openstack.project</c> records (<see cref="Project"/>).</summary>
    public ProjectManager Projects => Client.GetManager(static c => new ProjectManager(c));

    /// <summary>The <c>openstack.project_contact</c> records (<see cref="ProjectContact"/>).</summary>
    public ProjectContactManager ProjectContacts => Client.GetManager(static c => new ProjectContactManager(c));

    /// <summary>The <c>openstack.referral_code</c> records (<see cref="ReferralCode"/>).</summary>
    public ReferralCodeManager ReferralCodes => Client.GetManager(static c => new ReferralCodeManager(c));

    /// <summary>The <c>openstack.reseller</c> records (<see cref="Reseller"/>).</summary>
    public ResellerManager Resellers => Client.GetManager(static c => new ResellerManager(c));

    /// <summary>The <c>openstack.reseller.tier</c> records (<see cref="ResellerTier"/>).</summary>
    public ResellerTierManager ResellerTiers => Client.GetManager(static c => new ResellerTierManager(c));

    /// <summary>The <c>sale.order</c> records (<see cref="SaleOrder"/>).</summary>
    public SaleOrderManager SaleOrders => Client.GetManager(static c => new SaleOrderManager(c));

    /// <summary>The <c>sale.order.line</c> records (<see cref="SaleOrderLine"/>).</summary>
    public SaleOrderLineManager SaleOrderLines => Client.GetManager(static c => new SaleOrderLineManager(c));

    /// <summary>The <c>openstack.support_subscription</c> records (<see cref="SupportSubscription"/>).</summary>
    public SupportSubscriptionManager SupportSubscriptions => Client.GetManager(static c => new SupportSubscriptionManager(c));

    /// <summary>The <c>openstack.support_subscription.type</c> records (<see cref="SupportSubscriptionType"/>).</summary>
    public SupportSubscriptionTypeManager SupportSubscriptionTypes => Client.GetManager(static c => new SupportSubscriptionTypeManager(c));

    /// <summary>The <c>account.tax</c> records (<see cref="Tax"/>).</summary>
    public TaxManager Taxes => Client.GetManager(static c => new TaxManager(c));

    /// <summary>The <c>account.tax.group</c> records (<see cref="TaxGroup"/>).</summary>
    public TaxGroupManager TaxGroups => Client.GetManager(static c => new TaxGroupManager(c));

    /// <summary>The <c>openstack.term_discount</c> records (<see cref="TermDiscount"/>).</summary>
    public TermDiscountManager TermDiscounts => Client.GetManager(static c => new TermDiscountManager(c));

    /// <summary>The <c>openstack.trial</c> records (<see cref="Trial"/>).</summary>
    public TrialManager Trials => Client.GetManager(static c => new TrialManager(c));

    /// <summary>The <c>uom.uom</c> records (<see cref="Uom"/>).</summary>
    public UomManager Uoms => Client.GetManager(static c => new UomManager(c));

    /// <summary>The <c>uom.category</c> records (<see cref="UomCategory"/>).</summary>
    public UomCategoryManager UomCategories => Client.GetManager(static c => new UomCategoryManager(c));

    /// <summary>The <c>res.users</c> records (<see cref="User"/>).</summary>
    public UserManager Users => Client.GetManager(static c => new UserManager(c));

    /// <summary>The <c>openstack.volume_discount_range</c> records (<see cref="VolumeDiscountRange"/>).</summary>
    public VolumeDiscountRangeManager VolumeDiscountRanges => Client.GetManager(static c => new VolumeDiscountRangeManager(c));

    /// <summary>The <c>openstack.voucher_code</c> records (<see cref="VoucherCode"/>).</summary>
    public VoucherCodeManager VoucherCodes => Client.GetManager(static c => new VoucherCodeManager(c));

    /// <summary>
    /// The manager of an Odoo model of the OpenStack integration, by model name (what
    /// <see cref="Attachment.GetResModelManager"/> uses): the same instance as the typed property. No request is made.
    /// </summary>
    /// <param name="modelName">The Odoo model name, for example <c>account.move</c>.</param>
    /// <returns>The manager, for example an <see cref="AccountMoveManager"/>.</returns>
    /// <exception cref="KeyNotFoundException">No model of the integration has that name.</exception>
    public object GetManager(string modelName) => GetManager(Client, modelName);

    /// <summary>The Odoo model names this client has managers for, in record name order.</summary>
    /// <remarks>The list and <see cref="GetManager(string)"/> come from the table OdooGen generates for this assembly's
    /// <c>[OdooModel]</c> records, so a new model needs only its typed property here.</remarks>
    public static IReadOnlyList<string> ModelNames => OdooModelsOpenStackOdooModels.ModelNames;

    internal static object GetManager(OdooClient client, string modelName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(modelName);
        return OdooModelsOpenStackOdooModels.FindManager(client, modelName)
            ?? throw new KeyNotFoundException($"No manager of the OpenStack integration handles the Odoo model '{modelName}'.");
    }

    /// <summary>Disposes the underlying client.</summary>
    public ValueTask DisposeAsync() => Client.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => "OpenStack " + Client;
}
