// MARK: README — `clm generate`: a synthetic book of business
//
// `clm generate` writes a realistic Chinese book of business with its ground truth, for trying and measuring
// identity resolution (issue 3, item 9):
//
//     clm generate --persons 100000 --organisations 5000 --seed 42 --out book/ [--format csv|jsonl]
//                  [--error-rate 1.0] [--force]
//
// The same options (seed included) give byte-identical files on any machine and with any number of cores.
// A progress line goes to stderr; at the end, the rows written per file. An existing non-empty --out folder is
// refused unless --force is given (files of the same name are then overwritten).
//
// What is in it. True persons live in households (single; couple; parents with children, who share the address
// and the family name; children are born 22–38 years after the head), born 1940–2005, with Chinese names drawn
// from the census surname frequencies (compound surnames included) and given names of one or two characters,
// a valid 18-digit resident ID consistent with birth date, sex and a real district code, a mobile 1[3-9]x,
// sometimes an e-mail, an address (province, city, district, street, number, estate, building, unit, room) and
// an occupation; 30% of working age are employed by one of the organisations. Organisations have a unique name
// (city + trade name + industry + 有限公司 / 股份有限公司), a valid unified social credit code, an office address
// and a landline. Each true entity appears in 1–4 of the source systems SALES (销售), UW (核保), POS (保全) and
// CLAIMS (理赔): persons 35% in one, 35% in two, 20% in three, 10% in four (organisations 50/35/12/3%), and
// 3% also have a second record in the same system. Each system has its own conventions: sex as 男/女 (SALES,
// CLAIMS), M/F (UW) or 1/2 (POS); birth date as YYYY-MM-DD (SALES, CLAIMS), YYYYMMDD (UW) or YYYY/MM/DD (POS);
// document type as 身份证, resident_id, 1 or 居民身份证; UW splits names into family_name and given_name and
// leaves full_name empty; postcodes only in SALES and POS, occupation and employer only in SALES and UW.
//
// Errors (each drawn independently per record, `--error-rate X` multiplies every rate; truth.csv lists the
// errors applied to each record in its `errors` column, `|`-separated):
//
//     name_traditional 0.03   name in traditional characters (張偉)
//     name_homophone   0.02   a given-name character replaced by a homophone (张伟 → 张玮)
//     name_space       0.03   a space inside the name (张 伟, 张 小 明; 华兴科技 有限公司)
//     name_abbreviated 0.10   organisations: name without its city prefix
//     full_width_digits 0.02  ID number and phone in full-width digits
//     id_legacy15      0.03   15-digit resident ID (born before 2000)
//     id_transposed    0.01   two adjacent digits of the ID (or credit code) swapped: fails the check
//     id_missing       0.03   no ID number
//     phone_missing    0.08   no phone
//     phone_changed    0.06   a newer phone (and a recent updated_at, 2024–2025)
//     phone_transposed 0.01   two adjacent digits of the phone swapped
//     agent_phone      0.02   the agent's mobile instead of the customer's (shared by many customers)
//     phone_placeholder 0.01  13800000000, 00000000000 or 11111111111
//     address_no_suffix 0.15  province and city without 省/市/自治区
//     address_building 0.15   other building notation: 3幢2单元502, 3号楼2单元502室, 3-2-502
//     address_numerals 0.05   Chinese numerals: 一百二十三号, 五零二室
//     address_one_line 0.10   whole address in address_line, province and city empty
//     address_old      0.04   a former address
//     address_missing  0.03   no address
//     birth_missing    0.04   no birth date
//     birth_format     0.10   birth date in another system's format or as YYYY年M月D日
//     birth_placeholder 0.01  1900-01-01
//     sex_wrong        0.005  the opposite sex
//     duplicate_in_system 0.03  (per entity) a second record in one of its systems
//
// Files (UTF-8; CSV with a header row and RFC 4180 quoting, rows ending in LF; or JSON Lines with the same
// names as keys, integers and booleans unquoted). Business records live in the system of their policy (the
// policyholder's first system) and reference parties by (system, key) — a party reference may point into
// another system where the party has no record in the policy's own. Money is integer fen, currency CNY; dates
// are YYYY-MM-DD, times ISO 8601 with +08:00. The book is taken on 2025-06-30; policies are issued from 2015.
//
//   parties.csv       source_system, source_key, party_kind (individual|organisation), full_name, family_name,
//                     given_name, sex, birth_date, id_type, id_number, phone, email, province, city,
//                     address_line, postcode, occupation, occupation_class, employer_name,
//                     employer_source_system, employer_source_key, updated_at
//   policies.csv      source_system, policy_number, product_line (life|health|accident|auto|property),
//                     product_code, product_name, group_policy, premium_fen (per instalment), currency,
//                     payment_mode (single|annual|semiannual|quarterly|monthly), premium_term_years,
//                     sum_insured_fen, application_date, issue_date, effective_date, end_date (empty: whole
//                     life), status (in_force|lapsed|surrendered|matured|expired|cancelled), status_date,
//                     renewal_of (one-year cover renews under a new number), agent_code, branch_code,
//                     sales_channel
//   policy_roles.csv  source_system, policy_number, party_source_system, party_source_key,
//                     role (policyholder|insured|beneficiary), relation_to_policyholder
//                     (self|spouse|child|parent|other_family|employee), benefit_share (beneficiaries, 0–1)
//   payments.csv      source_system, payment_key, policy_number, instalment, due_date, paid_date (empty while
//                     unpaid), amount_fen, currency, status (paid|due|overdue)
//   claims.csv        source_system, claim_number, policy_number, claimant_source_system, claimant_source_key,
//                     incident_date, reported_date, closed_date, claimed_amount_fen, paid_amount_fen, currency,
//                     status (reported|under_review|approved|paid|declined|withdrawn), fraud_flag, cause
//   servicing.csv     source_system, servicing_key, policy_number, requested_by_source_system,
//                     requested_by_source_key, type (surrender|reinstatement|beneficiary_change|contact_change|
//                     payment_mode_change|policy_loan), status (requested|completed|rejected), requested_date,
//                     closed_date, amount_fen, currency, description
//   service_usage.csv source_system, usage_key, party_source_system, party_source_key, policy_number,
//                     service_code, service_name (健康体检, 道路救援...), used_on
//   interactions.csv  source_system, interaction_key, party_source_system, party_source_key,
//                     type (app_login|call_centre_contact|complaint|referral|campaign_response|branch_visit|
//                     agent_visit), channel, occurred_at, topic, campaign_code, referred_source_system,
//                     referred_source_key, resolved
//   truth.csv         source_system, source_key, entity_id, errors — one row per party record
//   entities.csv      entity_id, party_kind, household_id, household_role (single|head|spouse|child),
//                     employer_entity_id — one row per true entity
//
// Loading it: parties.csv mixes the four systems, so --source-column takes each row's system from its column:
//
//     clm import parties book/parties.csv --source-column source_system --key source_key \
//       --map kind=party_kind,full_name=full_name,family_name=family_name,given_name=given_name,sex=sex,\
//     birth_date=birth_date,document_type=id_type,document_number=id_number,phones=phone,email=email,\
//     province=province,city=city,address_lines=address_line,postcode=postcode,occupation=occupation,\
//     occupation_class=occupation_class,employer_name=employer_name,employer_system=employer_source_system,\
//     employer_key=employer_source_key,source_updated_at=updated_at
//
// Business records take the same shape (amounts in *_fen columns are read as fen), e.g. policies with their parties
// from policy_roles.csv: `clm import policies book/policies.csv --source-column source_system --key policy_number
// --map … --roles book/policy_roles.csv --roles-map party_system=party_source_system,party_key=party_source_key,…`.
// Accuracy: `clm export xref xref.csv`, then `clm eval --truth book/truth.csv --xref xref.csv`.

import ArgumentParser
import BookGenerator
import Foundation

/// `clm generate`: writes a synthetic book of business and its ground truth.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic Chinese book of business (parties in four source systems, with errors; "
            + "policies, payments, claims, servicing, services, interactions) and its ground truth.",
        discussion: """
            Files: parties, policies, policy_roles, payments, claims, servicing, service_usage, interactions, \
            truth (source_system, source_key, entity_id, errors) and entities. The same options give \
            byte-identical files. --error-rate multiplies every default error rate (0: clean records).
            """)

    @Option(help: "True persons to generate.")
    var persons: Int = 10_000

    @Option(name: [.customLong("organisations"), .customLong("organizations")], help: "True organisations to generate.")
    var organisations: Int = 500

    @Option(help: "Seed of the random streams; the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(help: "Output folder; refused when it exists and is not empty, unless --force.")
    var out: String

    @Option(help: "csv (default) or jsonl.")
    var format: String = "csv"

    @Option(name: .customLong("error-rate"), help: "Multiplier of every default error rate (1 = defaults).")
    var errorRate: Double = 1

    @Option(help: "Worker threads (the files do not depend on it).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Write into a non-empty output folder, overwriting files of the same name.")
    var force = false

    func validate() throws {
        guard persons >= 0, organisations >= 0 else { throw ValidationError("counts must not be negative") }
        guard OutputFormat(rawValue: format) != nil else { throw ValidationError("--format must be csv or jsonl") }
        guard errorRate >= 0 else { throw ValidationError("--error-rate must not be negative") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: out)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CommandFailure("\(out) exists and is not a folder") }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            if !contents.isEmpty && !force {
                throw CommandFailure("\(out) is not empty; pass --force to write into it anyway")
            }
        }
        let configuration = BookConfiguration(
            persons: persons, organisations: organisations, seed: seed, format: OutputFormat(rawValue: format)!,
            errorRates: ErrorRates.defaults.scaled(by: errorRate), threads: threads)
        let total = persons + organisations
        let summary: BookSummary
        do {
            summary = try BookGenerator(configuration: configuration).write(to: directory) { progress in
                let done = progress.organisationsDone + progress.personsDone
                let percent = total == 0 ? 100 : done * 100 / total
                let rate = progress.elapsedSeconds > 0 ? Double(progress.partyRows) / progress.elapsedSeconds : 0
                FileHandle.standardError.write(Data(
                    "\rgenerating: \(percent)%  \(progress.organisationsDone) organisations, \(progress.personsDone) persons, \(progress.partyRows) party rows (\(Int(rate)) rows/s)   ".utf8))
            }
        } catch let error as BookGeneratorError {
            throw CommandFailure(error.description)
        }
        FileHandle.standardError.write(Data("\n".utf8))
        for file in RecordFile.allCases {
            let name = file.fileName(configuration.format)
            print("\(name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(summary.rows[file] ?? 0) rows")
        }
        let seconds = String(format: "%.1f", summary.elapsedSeconds)
        print("written to \(directory.path) in \(seconds) s")
    }
}
