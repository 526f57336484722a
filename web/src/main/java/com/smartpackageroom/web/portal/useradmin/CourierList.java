package com.smartpackageroom.web.portal.useradmin;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.courier.CourierService;
import com.smartpackageroom.ejb.courier.CourierView;
import com.smartpackageroom.web.portal.FieldErrors;
import com.smartpackageroom.web.portal.FieldErrors.Field;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * User Admin > Couriers: the site's courier accounts, and "Create courier" for property managers
 * and administrators (the same service as the API's; the service refuses staff too).
 */
@Named
@ViewScoped
public class CourierList implements Serializable {

  private static final long serialVersionUID = 1L;

  static final Map<String, Field> FIELDS =
      Map.of(
          "name", new Field("create:name", "Name"),
          "carrier", new Field("create:carrier", "Carrier"),
          "email", new Field("create:email", "Email"),
          "phone", new Field("create:phone", "Phone"));

  @EJB CourierService couriers;
  @Inject PortalUser me;

  private List<CourierView> list = List.of();
  private String name;
  private String carrier;
  private String email;
  private String phone;

  public void load() {
    try {
      list = me.getSiteId() == null ? List.of() : couriers.list(me.caller(), me.getSiteId());
    } catch (DomainException e) {
      Messages.error(null, e.getMessage());
    }
  }

  /** "Create courier": then give it a PIN on its Courier Detail page. */
  public void create() {
    try {
      CourierView created =
          couriers.create(me.caller(), me.getSiteId(), name, carrier, email, phone);
      Messages.info(
          null,
          created.name()
              + " is created. Open it with the View arrow to give it a PIN, then use the PIN at"
              + " the kiosk to assign a Key Card.");
      name = null;
      carrier = null;
      email = null;
      phone = null;
      list = couriers.list(me.caller(), me.getSiteId());
    } catch (DomainException e) {
      FieldErrors.show(e, FIELDS, null);
    }
  }

  /** Property managers and administrators create couriers; staff only look. */
  public boolean isMayCreate() {
    return me.isManager();
  }

  public List<CourierView> getCouriers() {
    return list;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCarrier() {
    return carrier;
  }

  public void setCarrier(String carrier) {
    this.carrier = carrier;
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
}
