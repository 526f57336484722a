package com.smartpackageroom.web.portal.useradmin;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.account.StaffView;
import com.smartpackageroom.web.portal.FieldErrors;
import com.smartpackageroom.web.portal.FieldErrors.Field;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * User Admin > Staff: the site's staff and property managers (managers only), and "Invite": the
 * same invitation as the API's (an email with a link to set a password). Administrators may also
 * invite an administrator of the whole installation.
 */
@Named
@ViewScoped
public class StaffList implements Serializable {

  private static final long serialVersionUID = 1L;

  static final Map<String, Field> FIELDS =
      Map.of(
          "email", new Field("invite:email", "Email"),
          "firstName", new Field("invite:firstName", "First name"),
          "lastName", new Field("invite:lastName", "Last name"),
          "role", new Field("invite:role", "Role"));

  @EJB AccountService accounts;
  @Inject PortalUser me;

  private List<StaffView> staff = List.of();
  private String email;
  private String firstName;
  private String lastName;
  private String role = "STAFF";

  /** On opening: a role that may not see staff is sent back to the Dashboard with a word why. */
  public void load() {
    try {
      staff = accounts.staffOf(me.caller(), me.getSiteId());
    } catch (DomainException e) {
      Messages.errorAfterRedirect("User Admin is for property managers and administrators.");
      FacesContext context = FacesContext.getCurrentInstance();
      context
          .getApplication()
          .getNavigationHandler()
          .handleNavigation(context, null, "/dashboard/index.xhtml?faces-redirect=true");
    }
  }

  /** "Invite": the invitation email goes out at once; the person appears in the list. */
  public void invite() {
    try {
      StaffView invited =
          "ADMINISTRATOR".equals(role)
              ? accounts.createAdministrator(me.caller(), email, firstName, lastName)
              : accounts.inviteStaff(me.caller(), me.getSiteId(), email, firstName, lastName, role);
      Messages.info(
          null,
          "An invitation was sent to "
              + invited.email()
              + ". "
              + invited.firstName()
              + " sets a password from its link (it works once, for 72 hours).");
      email = null;
      firstName = null;
      lastName = null;
      role = "STAFF";
      staff = accounts.staffOf(me.caller(), me.getSiteId());
    } catch (DomainException e) {
      FieldErrors.show(e, FIELDS, "invite:email");
    }
  }

  public static String roleName(String role) {
    return switch (role) {
      case "PROPERTY_MANAGER" -> "Property Manager";
      case "ADMINISTRATOR" -> "Administrator";
      default -> "Staff";
    };
  }

  /** The status as the page says it: Invited, Active, Disabled, and Locked on top of it. */
  public static String statusName(StaffView person) {
    String status =
        switch (person.status()) {
          case "INVITED" -> "Invited (has not set a password)";
          case "DISABLED" -> "Disabled";
          default -> "Active";
        };
    return person.locked() ? status + ", locked" : status;
  }

  /** Staff and Property Manager; Administrator (of every site) for administrators only. */
  public List<SelectItem> getRoles() {
    List<SelectItem> roles = new ArrayList<>();
    roles.add(new SelectItem("STAFF", "Staff"));
    roles.add(new SelectItem("PROPERTY_MANAGER", "Property Manager"));
    if (isAdministrator()) {
      roles.add(new SelectItem("ADMINISTRATOR", "Administrator (every site)"));
    }
    return roles;
  }

  public String role(StaffView person) {
    return roleName(person.role());
  }

  public String status(StaffView person) {
    return statusName(person);
  }

  public boolean isAdministrator() {
    return me.getIdentity() != null && me.caller().isAdministrator();
  }

  public List<StaffView> getStaff() {
    return staff;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
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

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }
}
