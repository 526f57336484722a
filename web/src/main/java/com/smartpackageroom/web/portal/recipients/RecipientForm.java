package com.smartpackageroom.web.portal.recipients;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.recipient.RecipientData;
import com.smartpackageroom.ejb.recipient.RecipientView;
import com.smartpackageroom.web.portal.Messages;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a recipient as the API's POST and PATCH take them (first and last name, unit,
 * email, phone, external id), typed in the portal. The service checks them; its refusal, which
 * names the API's field, is shown beside the field with the field's label.
 */
public class RecipientForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The API's field names, the form's input ids and their labels. */
  private static final Map<String, String> LABELS =
      Map.of(
          "firstName", "First name",
          "lastName", "Last name",
          "unit", "Unit",
          "email", "Email",
          "phone", "Phone",
          "externalId", "Resident ID");

  private String firstName;
  private String lastName;
  private String unit;
  private String email;
  private String phone;
  private String externalId;

  public static RecipientForm of(RecipientView r) {
    RecipientForm form = new RecipientForm();
    form.firstName = r.firstName();
    form.lastName = r.lastName();
    form.unit = r.unit();
    form.email = r.email();
    form.phone = r.phone();
    form.externalId = r.externalId();
    return form;
  }

  /** The fields as the service takes them (blank optional fields are cleared). */
  public RecipientData data() {
    return new RecipientData(
        Optional.ofNullable(externalId),
        firstName == null ? "" : firstName,
        lastName == null ? "" : lastName,
        unit == null ? "" : unit,
        Optional.ofNullable(email),
        Optional.ofNullable(phone),
        null);
  }

  /**
   * The service's refusal beside its field of the form {@code formId} (at the top when it names no
   * field); the dialog stays open.
   */
  public static void refused(String formId, DomainException e) {
    String message = e.getMessage() == null ? "This recipient cannot be saved." : e.getMessage();
    String field = "duplicate-external-id".equals(e.code()) ? "externalId" : null;
    for (var entry : LABELS.entrySet()) {
      if (message.startsWith(entry.getKey() + " ")) {
        field = entry.getKey();
        message = entry.getValue() + message.substring(entry.getKey().length());
      }
    }
    if ("duplicate-external-id".equals(e.code())) {
      message = message.replace("externalId", "Resident ID");
    }
    Messages.error(field == null ? null : formId + ":" + field, message);
    FacesContext.getCurrentInstance().validationFailed();
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getExternalId() {
    return externalId;
  }

  public void setExternalId(String externalId) {
    this.externalId = externalId;
  }
}
